import Foundation
import InfoGeometry

/// The short text summary printed after `analyze` and `demo`: the marker, the reference points with
/// the offsets Δ = log₁₀(t_c / t_ref) in decades, and the early-stopping comparison.
public enum RunSummary {
  /// Human-readable names of the reference points.
  public static func name(_ kind: OverfittingReferences.Kind) -> String {
    switch kind {
    case .testLossMinimum: "test-loss minimum"
    case .testAccuracyMaximum: "test-accuracy maximum"
    case .trainAccuracySaturation: "train accuracy ≥ 99.5%"
    case .trainLossSaturation: "train loss ≤ 1% of start"
    case .trainTestGapOnset: "train–test gap onset"
    }
  }

  /// One line describing a marker, or why there is none.
  public static func describe(_ curve: RunAnalysis.Curve?) -> String {
    guard let curve else { return "no curve analysed" }
    guard let analysis = curve.analysis else { return "not analysed: \(curve.failure ?? "unknown reason")" }
    guard let m = analysis.marker else { return "no minimum of d²log L/dlog t² after the burn-in" }
    let weak = m.isWeak ? "  WEAK (" + m.weaknesses.map(\.rawValue).joined(separator: ", ") + ")" : ""
    return String(
      format: "step %d  (depth %.3g, width %.2f decades, significance %.1f, stability spread %.2f decades)%@",
      Int(m.step.rounded()), m.minimum.depth, m.minimum.widthDecades, m.minimum.significance,
      m.stability.spreadDecades, weak)
  }

  /// Whether the information-length markers of the headline group say more than the size of the
  /// updates: each is compared with the marker of the Euclidean path S of the same group.
  public static func comparatorStatement(_ analysis: RunAnalysis) -> String? {
    let group = analysis.settings.primaryGroup
    let curves = analysis.curves.filter { $0.group == group }
    guard let s = curves.first(where: { $0.estimator == .euclidean })?.analysis?.marker else { return nil }
    var parts: [String] = []
    var agree = false
    for curve in curves where curve.estimator != .euclidean {
      guard let l = curve.analysis?.marker else { continue }
      let delta = abs(log10(l.step / s.step))
      let weak = l.isWeak ? " (its marker is weak)" : ""
      if delta <= 0.1 {
        agree = true
        parts.append("\(curve.estimator.label) L agrees within 0.1 decade\(weak)")
      } else {
        parts.append(String(format: "%@ L is %.2f decades away%@", curve.estimator.label, delta, weak))
      }
    }
    guard !parts.isEmpty else { return nil }
    let conclusion =
      agree
      ? " Where they agree, the transition coincides with the slowdown of the updates."
      : " No estimator's marker coincides with the slowdown of the updates."
    return "Against the Euclidean path S (marker at step \(Int(s.step.rounded()))): "
      + parts.joined(separator: "; ")
      + "." + conclusion
  }

  public static func text(analysis: RunAnalysis) -> String {
    var lines: [String] = []
    let primary = analysis.primary
    lines.append(
      "Transition marker (group \(analysis.settings.primaryGroup), \(analysis.settings.headlineEstimator.label) L): "
        + describe(primary))
    let others = analysis.curves.filter {
      $0.group == analysis.settings.primaryGroup && $0.estimator != analysis.settings.headlineEstimator
    }
    for curve in others {
      let name = curve.estimator == .euclidean ? curve.estimator.label : curve.estimator.label + " L"
      lines.append("  the same group, \(name): " + describe(curve))
    }
    if let statement = comparatorStatement(analysis) { lines.append(statement) }
    if let comparison = primary?.comparison {
      lines.append("")
      lines.append(row(["reference point", "step", "Δ = log10(t_c/t_ref)"], widths: [28, 8, 22]))
      for o in comparison.offsets {
        lines.append(
          row(
            [
              name(o.kind), "\(Int(o.referenceStep.rounded()))",
              String(format: "%+.2f decades", o.deltaDecades),
            ],
            widths: [28, 8, 22]))
      }
    } else if let failure = analysis.referencesFailure {
      lines.append("reference points: \(failure)")
    }
    if !analysis.stopping.isEmpty {
      lines.append("")
      lines.append(row(["stopping rule", "step", "test accuracy", "test loss"], widths: [42, 8, 14, 10]))
      for p in analysis.stopping {
        lines.append(
          row(
            [
              p.rule, "\(p.step)", String(format: "%.2f%%", 100 * p.testAccuracy),
              String(format: "%.4f", p.testLoss),
            ],
            widths: [42, 8, 14, 10]))
      }
    }
    return lines.joined(separator: "\n")
  }

  static func row(_ cells: [String], widths: [Int]) -> String {
    zip(cells, widths).map { $0.padding(toLength: max($1, $0.count + 1), withPad: " ", startingAt: 0) }
      .joined().trimmingCharacters(in: .whitespaces)
  }
}

extension GeometrySeries.Estimator {
  /// How the estimator is named in summaries and the report.
  public var label: String {
    switch self {
    case .naive: "naive (paper's recipe)"
    case .debiased: "debiased"
    case .kernel: "kernel density"
    case .gaussian: "Gaussian"
    case .euclidean: "Euclidean path S"
    }
  }
}
