import Foundation
import InfoGeometry
import Reporting
import TensorCore

/// The table a paper on the method would print: over all done runs of a sweep, each marker (every
/// estimator of one parameter group, and the Euclidean comparator) against each reference point —
/// the distribution of Δ = log₁₀(t_c/t_ref) with mean, median and a bootstrap 95% interval of the
/// mean — the share of runs whose marker is significant (present and not weak), and the
/// early-stopping comparison. Written by `infogeo summary` to SWEEP/summary.csv and summary.html.
public struct SweepSummary: Codable, Sendable {
  /// One marker against one reference point.
  public struct Row: Codable, Sendable, Equatable {
    public var estimator: GeometrySeries.Estimator
    public var reference: OverfittingReferences.Kind
    /// Runs with both a marker and this reference point.
    public var runs: Int
    public var meanDelta: Double
    public var medianDelta: Double
    /// Percentile bootstrap interval of the mean Δ (resampling runs).
    public var lower: Double
    public var upper: Double
  }

  /// How often each estimator's marker is significant.
  public struct MarkerShare: Codable, Sendable, Equatable {
    public var estimator: GeometrySeries.Estimator
    public var analysed: Int
    public var significant: Int
  }

  /// One stopping rule over the runs.
  public struct Stopping: Codable, Sendable, Equatable {
    public var rule: String
    public var runs: Int
    public var meanStep: Double
    public var meanTestAccuracy: Double
  }

  public var group: String
  public var runs: Int
  public var rows: [Row]
  public var shares: [MarkerShare]
  public var stopping: [Stopping]

  /// Summarizes analyses (one per run) of `group`; `replicates` bootstrap resamples, seeded.
  public init(analyses: [RunAnalysis], group: String = "all", replicates: Int = 2000, seed: UInt64 = 1) {
    self.group = group
    runs = analyses.count
    var generator = RandomGenerator(seed: seed)
    var rows: [Row] = []
    var shares: [MarkerShare] = []
    for estimator in GeometrySeries.Estimator.allCases {
      let curves = analyses.compactMap { a in
        a.curves.first { $0.group == group && $0.estimator == estimator }
      }
      guard !curves.isEmpty else { continue }
      shares.append(
        MarkerShare(
          estimator: estimator, analysed: curves.count,
          significant: curves.filter { $0.analysis?.marker.map { !$0.isWeak } ?? false }.count))
      for kind in OverfittingReferences.Kind.allCases {
        let deltas = curves.compactMap { $0.comparison?.offsets.first { $0.kind == kind }?.deltaDecades }
        guard !deltas.isEmpty else { continue }
        let (lower, upper) = Self.bootstrapInterval(deltas, replicates: replicates, generator: &generator)
        rows.append(
          Row(
            estimator: estimator, reference: kind, runs: deltas.count, meanDelta: Self.mean(deltas),
            medianDelta: Self.median(deltas), lower: lower, upper: upper))
      }
    }
    self.rows = rows
    self.shares = shares
    var byRule: [String: [RunAnalysis.StoppingPoint]] = [:]
    var order: [String] = []
    for point in analyses.flatMap(\.stopping) {
      if byRule[point.rule] == nil { order.append(point.rule) }
      byRule[point.rule, default: []].append(point)
    }
    stopping = order.map { rule in
      let points = byRule[rule]!
      return Stopping(
        rule: rule, runs: points.count, meanStep: Self.mean(points.map { Double($0.step) }),
        meanTestAccuracy: Self.mean(points.map(\.testAccuracy)))
    }
  }

  /// The analyses of every done run of `sweep` (analysing, with `settings`, runs that lack one).
  public static func analyses(sweep: URL, settings: RunAnalysis.Settings = RunAnalysis.Settings()) throws
    -> [RunAnalysis]
  {
    try SweepManifest.read(from: sweep).runs.compactMap { run in
      let directory = RunDirectory(SweepManifest.directory(of: run, in: sweep))
      guard SweepRunState.read(directory.url).done != nil else { return nil }
      return try RunPipeline.storedOrFreshAnalysis(directory, settings: settings)
    }
  }

  static func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(max(1, x.count)) }

  static func median(_ x: [Double]) -> Double {
    let s = x.sorted()
    guard !s.isEmpty else { return .nan }
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
  }

  /// The 2.5% and 97.5% percentiles of the mean over `replicates` resamples with replacement.
  static func bootstrapInterval(_ x: [Double], replicates: Int, generator: inout RandomGenerator) -> (
    Double, Double
  ) {
    guard x.count > 1, replicates > 0 else { return (x.first ?? .nan, x.first ?? .nan) }
    var means: [Double] = []
    means.reserveCapacity(replicates)
    for _ in 0..<replicates {
      var sum = 0.0
      for _ in 0..<x.count { sum += x[generator.integer(below: x.count)] }
      means.append(sum / Double(x.count))
    }
    means.sort()
    func percentile(_ p: Double) -> Double { means[min(means.count - 1, Int(p * Double(means.count - 1)))] }
    return (percentile(0.025), percentile(0.975))
  }

  // MARK: - Output

  static let header = [
    "group", "estimator", "reference", "runs", "mean_delta", "median_delta", "ci_lower", "ci_upper",
  ]

  /// summary.csv: one row per marker × reference point.
  public var csv: String {
    ([Self.header.joined(separator: ",")]
      + rows.map { r in
        [
          group, r.estimator.rawValue, r.reference.rawValue, "\(r.runs)", "\(r.meanDelta)",
          "\(r.medianDelta)",
          "\(r.lower)", "\(r.upper)",
        ].joined(separator: ",")
      }).joined(separator: "\n") + "\n"
  }

  /// The tables as they are printed and put in summary.html.
  public var tables: [Table] {
    let deltas = Table(
      header: ["marker", "reference point", "runs", "mean Δ", "median Δ", "95% interval"],
      rows: rows.map { r in
        [
          r.estimator.label, RunSummary.name(r.reference), "\(r.runs)", String(format: "%+.2f", r.meanDelta),
          String(format: "%+.2f", r.medianDelta), String(format: "[%+.2f, %+.2f]", r.lower, r.upper),
        ]
      }, caption: "Δ = log₁₀(t_c / t_ref) in decades over the runs, group \(group)",
      numericColumns: [2, 3, 4])
    let significance = Table(
      header: ["marker", "runs analysed", "significant", "share"],
      rows: shares.map { s in
        [
          s.estimator.label, "\(s.analysed)", "\(s.significant)",
          String(format: "%.0f%%", 100 * Double(s.significant) / Double(max(1, s.analysed))),
        ]
      }, caption: "Runs with a marker that is present and not weak", numericColumns: [1, 2, 3])
    let stops = Table(
      header: ["stopping rule", "runs", "mean step", "mean test accuracy"],
      rows: stopping.map { s in
        [
          s.rule, "\(s.runs)", String(format: "%.0f", s.meanStep),
          String(format: "%.2f%%", 100 * s.meanTestAccuracy),
        ]
      }, caption: "Early stopping", numericColumns: [1, 2, 3])
    return [deltas, significance, stops]
  }

  /// Plain-text rendering of ``tables`` for the terminal.
  public var text: String {
    tables.map { table in
      let all = [table.header] + table.rows
      let widths = table.header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
      let lines = all.map { row in
        zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
      }
      return
        ([table.caption ?? ""] + [lines[0], String(repeating: "-", count: lines[0].count)] + lines.dropFirst())
        .joined(separator: "\n")
    }.joined(separator: "\n\n")
  }

  /// summary.html: the tables as a self-contained page.
  public func html(title: String) -> String {
    var report = HTMLReport(title: title, subtitle: "\(runs) run(s), group \(group)")
    report.section("Markers against the reference points") { s in
      s.paragraph(
        "Every estimator's marker and the Euclidean comparator, against each reference point from the training metrics."
      )
      for table in tables { s.table(table) }
    }
    return report.render()
  }
}
