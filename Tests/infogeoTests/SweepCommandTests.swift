import Foundation
import Testing
import Workflows

/// A tiny real sweep through the built executable: a Fashion-MNIST run that works and a CIFAR-10
/// run that cannot (its files are not in the data directory), 200 images, 2 epochs, mlp:16,16.
@Suite(
  "infogeo sweep", .serialized,
  .enabled(if: Infogeo.available && fashionInstalled, "needs the built executable and dataset-fashion-mnist"))
struct SweepCommandTests {
  static let axes = [
    "--datasets", "fashion-mnist,cifar-10", "--widths", "16", "--seeds", "0", "--train-samples", "200",
    "--epochs", "2", "--data-dir", "/usr/share/datasets", "--threads", "1",
  ]

  @Test("a done run is skipped on resume; a failing run is tried twice, then reported")
  func resumes() throws {
    let sweep = try Infogeo.temporaryDirectory().appendingPathComponent("s")
    let first = try Infogeo.run(["sweep", "--dir", sweep.path, "--workers", "2", "--quiet"] + Self.axes)
    #expect(first.status == 1, "one run cannot succeed")
    #expect(first.stderr.contains("1 run(s) failed after a retry: 001-cifar-10-w16-s0"), "\(first.stderr)")
    let good = sweep.appendingPathComponent("runs/000-fashion-mnist-w16-s0")
    let bad = sweep.appendingPathComponent("runs/001-cifar-10-w16-s0")
    for file in ["config.json", "metrics.csv", "geometry.csv", "analysis.json", "report.html", "done.json"] {
      #expect(
        FileManager.default.fileExists(atPath: good.appendingPathComponent(file).path), "\(file) missing")
    }
    #expect(SweepRunState.read(bad).failure?.attempt == 2)
    #expect(SweepRunState.read(bad).failure?.error.contains("CIFAR-10") == true)
    #expect(try SweepManifest.read(from: sweep).runs.map(\.status) == [.done, .failed])
    let doneBefore = try Data(contentsOf: good.appendingPathComponent("done.json"))

    let second = try Infogeo.run(["sweep", "--dir", sweep.path, "--workers", "2", "--quiet"])
    #expect(second.status == 1)
    #expect(
      try Data(contentsOf: good.appendingPathComponent("done.json")) == doneBefore, "the done run was rerun")
    #expect(SweepRunState.read(bad).failure?.attempt == 4, "two more attempts of the failed run")

    let status = try Infogeo.run(["sweep", "status", sweep.path])
    #expect(status.status == 0, "\(status.stderr)")
    #expect(status.stdout.contains("done 1/2  running 0  failed 1  pending 0"), "\(status.stdout)")
    #expect(status.stdout.contains("001-cifar-10-w16-s0") && status.stdout.contains("failed"))

    let other = try Infogeo.run(["sweep", "--dir", sweep.path, "--widths", "32", "--quiet"])
    #expect(other.status == 1 && other.stderr.contains("holds a different sweep"), "\(other.stderr)")
  }

  @Test("--dry-run writes the manifest with the resolved configurations and lists the runs")
  func dryRun() throws {
    let sweep = try Infogeo.temporaryDirectory().appendingPathComponent("s")
    let r = try Infogeo.run([
      "sweep", "--dir", sweep.path, "--widths", "8,16", "--seeds", "1,2", "--epochs", "2", "--workers", "2",
      "--dry-run", "--quiet",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.split(separator: "\n").count == 4 && r.stdout.contains("003-w16-s2"))
    let manifest = try SweepManifest.read(from: sweep)
    #expect(manifest.runs.map(\.status) == Array(repeating: .pending, count: 4))
    let cores = ProcessInfo.processInfo.activeProcessorCount
    #expect(
      manifest.runs.allSatisfy {
        $0.configuration.threads == max(1, cores / 2) && $0.configuration.training.epochs == 2
      })
    #expect(!FileManager.default.fileExists(atPath: sweep.appendingPathComponent("runs").path))
  }

  @Test("usage errors: no plan, an unknown preset, an unknown backend")
  func usage() throws {
    for arguments in [
      ["sweep"], ["sweep", "--preset", "nope"], ["sweep", "--widths", "8", "--backend", "pbs"],
    ] {
      let r = try Infogeo.run(arguments + ["--dir", "/nonexistent/never"])
      #expect(r.status == 64, "\(arguments): \(r.stderr)")
    }
  }
}
