import Foundation
import Testing
import Workflows

/// Hand-built runs with known markers: L(t) a smooth crossover from L ∝ t to L ∝ t^0.2 at t_c, and
/// metrics whose test loss has its minimum at t_ref, so every run's Δ = log₁₀(t_c/t_ref) is known.
enum PlantedRun {
  static func analysis(markerStep tc: Double, testLossMinimum tref: Double) throws -> RunAnalysis {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "summary-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var geometry = "group,step,count,mean,std,min,max,underflow,overflow"
    for e in GeometrySeries.Estimator.allCases { geometry += ",length_\(e.rawValue),gamma_\(e.rawValue)" }
    geometry += "\n"
    for t in 0...3000 {
      var length = 0.0
      if t > 0 {
        let u = (log(Double(t)) - log(tc)) / 0.3
        let softplus = log1p(exp(-abs(u))) + max(u, 0)
        length = exp(log(Double(t)) - 0.8 * 0.3 * softplus)
      }
      geometry +=
        "all,\(t),100,0,1,-1,1,0,0"
        + String(repeating: ",\(length),0", count: GeometrySeries.Estimator.allCases.count) + "\n"
    }
    try Data(geometry.utf8).write(to: directory.appendingPathComponent("geometry.csv"))
    var metrics = MetricsLog.header.joined(separator: ",") + "\n"
    for t in stride(from: 1, through: 3000, by: 10) {
      let x = log(Double(t) / tref)
      metrics += "\(t),1,0.001,\(2 * exp(-Double(t) / 300) + 0.01),0.9,\(1 + x * x),0.8,nan,nan\n"
    }
    try Data(metrics.utf8).write(to: directory.appendingPathComponent("metrics.csv"))
    return RunAnalysis.compute(
      geometry: try GeometrySeries.read(directory.appendingPathComponent("geometry.csv")),
      metrics: try MetricsLog.read(directory.appendingPathComponent("metrics.csv")))
  }
}

@Suite("SweepSummary")
struct SweepSummaryTests {
  static let planted: [(tc: Double, tref: Double)] = [(500, 100), (800, 100), (400, 200), (1000, 250)]

  @Test("Δ statistics over runs match the planted markers and an independent computation")
  func statistics() throws {
    let analyses = try Self.planted.map {
      try PlantedRun.analysis(markerStep: $0.tc, testLossMinimum: $0.tref)
    }
    let summary = SweepSummary(analyses: analyses, replicates: 500)
    #expect(summary.runs == 4)
    let row = try #require(
      summary.rows.first { $0.estimator == .debiased && $0.reference == .testLossMinimum })
    #expect(row.runs == 4)
    // Independent: the same Δs read from each run's own comparison.
    let deltas = analyses.map { a in
      a.curves.first { $0.estimator == .debiased }!.comparison!.offsets.first { $0.kind == .testLossMinimum }!
        .deltaDecades
    }
    #expect(abs(row.meanDelta - deltas.reduce(0, +) / 4) < 1e-12)
    let sorted = deltas.sorted()
    #expect(abs(row.medianDelta - (sorted[1] + sorted[2]) / 2) < 1e-12)
    // The planted truth: the marker within 0.1 decade of t_c, the reference within the 10-step
    // evaluation grid and smoothing of t_ref, so each Δ within 0.15 decade of log₁₀(t_c/t_ref).
    let truth = Self.planted.map { log10($0.tc / $0.tref) }
    for (d, t) in zip(deltas, truth) { #expect(abs(d - t) < 0.15, "Δ \(d) vs planted \(t)") }
    // The bootstrap interval of the mean lies within the range of the data and contains the mean.
    #expect(row.lower <= row.meanDelta && row.meanDelta <= row.upper)
    #expect(row.lower >= sorted[0] - 1e-12 && row.upper <= sorted[3] + 1e-12)
    #expect(row.upper > row.lower)
  }

  @Test("every planted marker is significant, and the stopping rules are tabulated over all runs")
  func sharesAndStopping() throws {
    let analyses = try Self.planted.prefix(2).map {
      try PlantedRun.analysis(markerStep: $0.tc, testLossMinimum: $0.tref)
    }
    let summary = SweepSummary(analyses: analyses, replicates: 100)
    let share = try #require(summary.shares.first { $0.estimator == .naive })
    #expect(share.analysed == 2 && share.significant == 2)
    let end = try #require(summary.stopping.first { $0.rule == "end of training" })
    #expect(end.runs == 2 && end.meanStep == 2991)
    #expect(summary.csv.split(separator: "\n").count == 1 + summary.rows.count)
  }
}
