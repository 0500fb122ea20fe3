import Formats
import Foundation
import FoundationXML
import Testing
import Workflows

let fashionInstalled = FileManager.default.fileExists(
  atPath: "/usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz")

struct TrainFailed: Error, CustomStringConvertible {
  var description: String
}

/// A tiny run shared by the tests of this suite: 300 images, an MLP with one hidden layer of 32,
/// 10 epochs (50 steps of batch 64), evaluated every 5 steps.
enum TinyRun {
  static let arguments = [
    "train", "--train-samples", "300", "--model", "mlp:32", "--epochs", "10", "--eval", "every:5",
    "--quiet", "--threads", "1",
  ]

  static let directory: Result<URL, Error> = Result {
    let parent = try Infogeo.temporaryDirectory()
    let r = try Infogeo.run(arguments + ["--runs-dir", parent.path])
    guard r.status == 0 else { throw TrainFailed(description: "train failed: \(r.stderr)") }
    return URL(fileURLWithPath: r.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
  }
}

@Suite(
  "infogeo end to end", .serialized,
  .enabled(if: Infogeo.available && fashionInstalled, "needs the built executable and dataset-fashion-mnist"))
struct EndToEndTests {
  @Test("train writes every documented file, and each parses")
  func runDirectory() throws {
    let run = RunDirectory(try TinyRun.directory.get())
    for file in [run.config, run.metrics, run.geometry, run.histograms, run.diagnostics] {
      #expect(FileManager.default.fileExists(atPath: file.path), "\(file.lastPathComponent) missing")
    }
    let config = try JSON.decode(RunConfiguration.self, from: run.config)
    #expect(config.trainingSamples == 300 && config.model.description == "mlp:32" && config.threads == 1)
    #expect(config.infogeoVersion == RunConfiguration.version)
    let metrics = try MetricsLog.read(run.metrics)
    #expect(metrics.map(\.step) == Array(stride(from: 0, through: 50, by: 5)))
    let geometry = try GeometrySeries.read(run.geometry)
    #expect(
      geometry.groups.map(\.name) == [
        "all", "layers.1.weight", "layers.1.bias", "layers.3.weight", "layers.3.bias",
      ])
    for group in geometry.groups {
      #expect(group.steps == Array(0...50))
      let length = try #require(group.lengths[.debiased])
      #expect(zip(length, length.dropFirst()).allSatisfy { $0 <= $1 }, "L must never decrease")
    }
    #expect(!(try HistogramArchiveFile.read(run.histograms)).isEmpty)
    _ = try JSON.decode(GeometryDiagnosticsFile.self, from: run.diagnostics)
  }

  @Test("analyze writes analysis.json with the documented fields, and a rerun reproduces the marker")
  func analyze() throws {
    let run = RunDirectory(try TinyRun.directory.get())
    let first = try Infogeo.run(["analyze", run.url.path, "--json"])
    #expect(first.status == 0, "\(first.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
    for key in ["curves", "settings", "stopping", "infogeoVersion"] {
      #expect(object[key] != nil, "\(key) missing")
    }
    let curves = try #require(object["curves"] as? [[String: Any]])
    #expect(curves.count == 5 * GeometrySeries.Estimator.allCases.count)  // groups × estimators
    let stored = try JSON.decode(RunAnalysis.self, from: run.analysis)
    let again = try Infogeo.run(["analyze", run.url.path, "--quiet"])
    #expect(again.status == 0 && again.stdout.isEmpty)
    let rerun = try JSON.decode(RunAnalysis.self, from: run.analysis)
    #expect(rerun.primary?.analysis?.marker?.step == stored.primary?.analysis?.marker?.step)
    #expect(
      rerun.primary?.analysis?.derivative.secondDerivative
        == stored.primary?.analysis?.derivative.secondDerivative)
    #expect(stored.stopping.last?.rule == "end of training" && stored.stopping.last?.step == 50)
  }

  @Test("report writes well-formed XHTML with the expected inline figures and SVG files")
  func report() throws {
    let run = RunDirectory(try TinyRun.directory.get())
    let r = try Infogeo.run(["report", run.url.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == run.report.path)
    let document = try XMLDocument(contentsOf: run.report, options: [])
    let svgs = try document.nodes(forXPath: "//*[local-name()='svg']")
    let expected = ["information-length", "information-velocity", "loss", "accuracy", "estimators"]
    #expect(svgs.count >= expected.count)
    for name in expected {
      let file = run.figures.appendingPathComponent(name + ".svg")
      #expect(FileManager.default.fileExists(atPath: file.path), "\(name).svg missing")
      _ = try XMLDocument(contentsOf: file, options: [])
    }
    let html = try String(contentsOf: run.report, encoding: .utf8)
    // Self-contained: no scripts, and the only URLs are XML namespace names.
    #expect(!html.contains("<script"))
    #expect(
      html.components(separatedBy: "http").count == html.components(separatedBy: "http://www.w3.org/").count)
    #expect(html.contains("Information length L(t)") && html.contains("Settings"))
  }

  @Test("export writes a TensorBoard event file of valid records and the histograms as JSON")
  func export() throws {
    let run = RunDirectory(try TinyRun.directory.get())
    let out = try Infogeo.temporaryDirectory()
    let json = out.appendingPathComponent("histograms.json")
    let r = try Infogeo.run([
      "export", run.url.path, "--tensorboard", out.path, "--histograms-json", json.path,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let event = URL(fileURLWithPath: try #require(r.stdout.split(separator: "\n").first.map(String.init)))
    #expect(event.lastPathComponent.hasPrefix("events.out.tfevents."))
    let records = try TFRecord.records(in: Data(contentsOf: event), file: event.path)
    // The file-version event, 11 evaluations × 4 metrics, 5 groups × 51 steps × 8 geometry scalars
    // (Γ is NaN and skipped at step 0), the transition curves and the histograms.
    #expect(records.count > 1 + 44 + 5 * 50 * 6)
    let histograms = try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [[String: Any]]
    #expect((histograms ?? []).count == (try HistogramArchiveFile.read(run.histograms)).count)
  }

  @Test("a run killed part-way can still be analysed and reported from what it flushed")
  func killed() throws {
    let parent = try Infogeo.temporaryDirectory()
    let process = try Infogeo.start([
      "train", "--train-samples", "2000", "--model", "mlp:64", "--epochs", "200", "--quiet", "--threads", "1",
      "--runs-dir", parent.path, "--name", "killed",
    ])
    // Wait until the run has written a few hundred steps, then SIGKILL it.
    let deadline = Date().addingTimeInterval(120)
    var runURL: URL?
    while Date() < deadline {
      Thread.sleep(forTimeInterval: 0.2)
      let runs =
        (try? FileManager.default.contentsOfDirectory(at: parent, includingPropertiesForKeys: nil)) ?? []
      guard let url = runs.first,
        let text = try? String(contentsOf: url.appendingPathComponent("geometry.csv"), encoding: .utf8)
      else { continue }
      runURL = url
      if text.split(separator: "\n").count > 1_500 { break }
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    let run = try #require(runURL)
    #expect(!FileManager.default.fileExists(atPath: run.appendingPathComponent("diagnostics.json").path))
    let analyzed = try Infogeo.run(["analyze", run.path, "--quiet"])
    #expect(analyzed.status == 0, "\(analyzed.stderr)")
    let reported = try Infogeo.run(["report", run.path, "--quiet"])
    #expect(reported.status == 0, "\(reported.stderr)")
    #expect(FileManager.default.fileExists(atPath: run.appendingPathComponent("report.html").path))
  }
}

@Suite("infogeo command line", .enabled(if: Infogeo.available, "needs the built executable"))
struct CommandLineTests {
  @Test(
    "usage errors exit 64 with one line and a hint",
    arguments: [
      (["train", "--epochs", "0"], "infogeo train: --epochs must be positive"),
      (["train", "--bogus"], "infogeo train: unknown option '--bogus'"),
      (["train", "--model", "mlp:x"], "infogeo train: model 'mlp:x': 'x' is not a positive width"),
      (["analyze"], "infogeo analyze: give either a run directory RUN or --checkpoints PATH"),
      (
        ["analyze", "x", "--method", "magic"],
        "infogeo analyze: option '--method': 'magic' is not tikhonov, tv or savgol"
      ),
      (["frobnicate"], "infogeo: unknown command 'frobnicate'"),
    ])
  func usageErrors(arguments: [String], message: String) throws {
    let r = try Infogeo.run(arguments)
    #expect(r.status == 64)
    let lines = r.stderr.split(separator: "\n").map(String.init)
    #expect(lines.first == message)
    #expect(lines.count == 2 && lines[1].hasPrefix("Run 'infogeo"))
  }

  @Test("runtime failures exit 1 and name the problem")
  func runtimeFailures() throws {
    let notARun = try Infogeo.run(["analyze", "/nonexistent/run"])
    #expect(notARun.status == 1)
    #expect(notARun.stderr == "infogeo analyze: /nonexistent/run: no config.json: not a run directory\n")
    let parent = try Infogeo.temporaryDirectory()
    let noData = try Infogeo.run(["train", "--data-dir", parent.path, "--quiet", "--runs-dir", parent.path])
    #expect(noData.status == 1)
    #expect(noData.stderr.contains("apt-get install dataset-fashion-mnist"))
    #expect(noData.stderr.contains("infogeo datasets download fashion-mnist"))
  }

  @Test("--help lists the commands, and each command's help its options")
  func help() throws {
    let top = try Infogeo.run(["--help"])
    #expect(top.status == 0)
    for command in ["demo", "train", "analyze", "report", "datasets", "datasets download", "bench"] {
      #expect(top.stdout.contains("\n  \(command) "), "\(command) not listed")
    }
    let train = try Infogeo.run(["train", "--help"])
    #expect(train.status == 0 && train.stdout.hasPrefix("USAGE: infogeo train [options]"))
    for option in [
      "--model SPEC", "--lr RATE", "--estimator NAME", "--bins K", "--stride N", "--stop-at-transition",
    ] {
      #expect(train.stdout.contains(option), "\(option) not in train --help")
    }
  }

  @Test("a config file supplies options, and the command line wins")
  func configFile() throws {
    let parent = try Infogeo.temporaryDirectory()
    let config = parent.appendingPathComponent("run.json")
    try Data(
      #"{"model": {"kind": "mlp", "widths": [16]}, "epochs": 1, "train-samples": 100, "lr": 0.01}"#.utf8
    )
    .write(to: config)
    guard fashionInstalled else { return }
    let r = try Infogeo.run([
      "train", "--config", config.path, "--lr", "0.002", "--quiet", "--runs-dir", parent.path,
      "--diagnostics", "off",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let run = RunDirectory(URL(fileURLWithPath: r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
    let resolved = try JSON.decode(RunConfiguration.self, from: run.config)
    #expect(resolved.model.widths == [16] && resolved.training.epochs == 1 && resolved.trainingSamples == 100)
    #expect(resolved.optimizer.learningRate == 0.002)
    #expect(resolved.geometry.diagnostics == false)
    let bad = parent.appendingPathComponent("bad.json")
    try Data(#"{"modle": "mlp:3"}"#.utf8).write(to: bad)
    let refused = try Infogeo.run(["train", "--config", bad.path])
    #expect(refused.status == 1 && refused.stderr.contains("unknown option 'modle'"))
  }
}
