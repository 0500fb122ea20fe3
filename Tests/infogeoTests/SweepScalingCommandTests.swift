import Foundation
import Testing
import Workflows

/// A hand-built sweep of synthetic runs with a planted scaling: widths N = 16…128, three seeds,
/// ln L(x) = x − 0.8·s·[softplus((x − ln t_c)/s) − ln 2] (x = ln t), so that
/// y″ = −(0.8/s)·σ(1 − σ) dips at t_c with depth 0.2/s and width ∝ s, with
/// t_c = 100·(N/16)^0.3·(1 + 0.03·(seed − 1)) and s = 0.6·(N/16)^(−0.2):
/// h ∝ N^0.2 (a = 0.2), w ∝ N^(−0.2) (b = 0.2), and the collapse y″·N^(−ζ) vs (x − x_c)·N^(1/ν)
/// with ζ = 0.2 and ν = 5 (the shift of t_c, 0.6 in x over the sizes, is small against the
/// dips' widths of 2–3 in x).
enum SyntheticSweep {
  static let widths = [16, 32, 64, 128]
  static let seeds = [0, 1, 2]

  static func markerStep(width: Int, seed: Int) -> Double {
    100 * pow(Double(width) / 16, 0.3) * (1 + 0.03 * Double(seed - 1))
  }

  /// The sweep directory; the last run (N = 128, seed 2) has no done.json, so it is not done.
  static func make() throws -> URL {
    let sweep = try Infogeo.temporaryDirectory().appendingPathComponent("synthetic")
    let r = try Infogeo.run([
      "sweep", "--dir", sweep.path, "--widths", widths.map(String.init).joined(separator: ","), "--seeds",
      "0,1,2,3",
      "--dry-run", "--quiet",
    ])
    guard r.status == 0 else { throw TrainFailed(description: "sweep --dry-run failed: \(r.stderr)") }
    let manifest = try SweepManifest.read(from: sweep)
    for run in manifest.runs {
      let directory = SweepManifest.directory(of: run, in: sweep)
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try JSON.encode(run.configuration).write(to: directory.appendingPathComponent("config.json"))
      let width = run.configuration.model.widths[0]
      let seed = Int(run.configuration.training.seed)
      let tc = markerStep(width: width, seed: seed)
      let s = 0.6 * pow(Double(width) / 16, -0.2)
      var csv =
        "group,step,count,mean,std,min,max,underflow,overflow,length_naive,gamma_naive,length_debiased,"
        + "gamma_debiased,length_gaussian,gamma_gaussian\n"
      for t in 0...1000 {
        var length = 0.0
        if t > 0 {
          let x = log(Double(t))
          let u = (x - log(tc)) / s
          let softplus = log1p(exp(-abs(u))) + max(u, 0) - log(2.0)
          length = exp(x - 0.8 * s * softplus)
        }
        csv += "all,\(t),1000,0,1,-3,3,0,0,\(length),0,\(length),0,\(length),0\n"
      }
      try Data(csv.utf8).write(to: directory.appendingPathComponent("geometry.csv"))
      try Data(
        (MetricsLog.header.joined(separator: ",") + "\n0,0,0.001,2.3,0.1,2.3,0.1,nan,nan\n").utf8
      ).write(to: directory.appendingPathComponent("metrics.csv"))
      // Seed 3 is never finished: it must be left out as not done.
      guard seed < 3 else { continue }
      let done = SweepRunState.Done(attempt: 1, seconds: 1, steps: 1000, markerStep: nil, finishedAt: Date())
      try JSON.encode(done).write(to: directory.appendingPathComponent(SweepRunState.doneFile))
    }
    return sweep
  }
}

@Suite("infogeo scaling", .enabled(if: Infogeo.available, "needs the built executable"))
struct SweepScalingCommandTests {
  @Test("recovers the planted exponents and markers of a synthetic sweep, and writes scaling.json and .html")
  func plantedScaling() throws {
    let sweep = try SyntheticSweep.make()
    // The planted curves are noise-free: no smoothing floor, so the y″ dips keep their planted widths.
    let r = try Infogeo.run(["scaling", sweep.path, "--bootstrap", "0", "--json", "--smoothing-scale", "0"])
    #expect(r.status == 0, "\(r.stderr)")
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    let scaling = try decoder.decode(SweepScaling.self, from: Data(r.stdout.utf8))
    #expect(scaling.entries.count == 12)
    #expect(scaling.skipped.count == 4 && scaling.skipped.allSatisfy { $0.reason == "not done" })
    let analysis = scaling.analysis
    #expect(analysis.options.bootstrapReplicates == 0)
    #expect(analysis.sizes.map(\.size) == SyntheticSweep.widths.map(Double.init))
    for size in analysis.sizes {
      // The geometric mean of the planted t_c over the three seeds; 2%: the marker is read off
      // the regularized y″ on the grid of the analysis, within a fraction of its dip's width.
      let logs = SyntheticSweep.seeds.map { log(SyntheticSweep.markerStep(width: Int(size.size), seed: $0)) }
      let planted = exp(logs.reduce(0, +) / 3)
      #expect(abs(size.markerStep.value / planted - 1) < 0.02, "N = \(size.size)")
    }
    // a and b within 0.04 of 0.2: the regularization rounds the narrower dips of the larger sizes
    // a little more (measured bias ≈ +0.017 in a, −0.013 in b).
    let a = try #require(analysis.depthLaw).exponent.value
    let b = -(try #require(analysis.widthLaw).exponent.value)
    #expect(abs(a - 0.2) < 0.04 && abs(b - 0.2) < 0.04, "a = \(a), b = \(b)")
    // The collapse: ζ within 0.01 of 0.2 and ν within 0.3 of 5 (measured 0.1997 and 4.98; the
    // residual comes from the small shift of t_c with N, which the single x_c cannot follow).
    let collapse = try #require(analysis.collapse)
    #expect(
      abs(collapse.zeta.value - 0.2) < 0.01 && abs(collapse.nu.value - 5) < 0.3, "\(collapse.parameters)")
    #expect(collapse.scaledCurves.count == 4)
    let html = try String(contentsOf: sweep.appendingPathComponent("scaling.html"), encoding: .utf8)
    for text in ["Exponents", "Data collapse", "Width of the marker", "ν (collapse)", "<svg"] {
      #expect(html.contains(text), "scaling.html lacks \(text)")
    }
    let stored = try JSON.decode(SweepScaling.self, from: sweep.appendingPathComponent("scaling.json"))
    #expect(stored.analysis == analysis)
    // The analysis was run for the runs that lacked analysis.json.
    #expect(
      FileManager.default.fileExists(
        atPath: sweep.appendingPathComponent("runs/000-w16-s0/analysis.json").path))
  }

  @Test("prints the exponent table on stdout")
  func table() throws {
    let sweep = try SyntheticSweep.make()
    let r = try Infogeo.run([
      "scaling", sweep.path, "--bootstrap", "0", "--size", "parameters", "--smoothing-scale", "0",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("exponent") == true)
    for name in ["a ", "b ", "x_c", "ν (collapse)", "ζ"] {
      #expect(lines.contains { $0.hasPrefix(name) }, "no row \(name)")
    }
    #expect(r.stdout.contains("12 run(s) at 4 size(s) (N = parameterCount); 4 skipped"))
  }

  @Test("a directory that is not a sweep is an error naming sweep.json")
  func notASweep() throws {
    let r = try Infogeo.run(["scaling", try Infogeo.temporaryDirectory().path])
    #expect(r.status == 1 && r.stderr.contains("sweep.json"), "\(r.stderr)")
  }
}
