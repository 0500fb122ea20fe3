import Foundation

/// A power law y = A·N^p fitted by weighted least squares of ln y on ln N.
///
/// The weights are 1/σ_k² with σ_k = se(y_k)/y_k, the standard error of ln y_k (unit weights
/// when any size lacks an error). The exponent's `standardError` is the least-squares one,
/// scaled by √(χ²/(n − 2)) (the residual scatter, so it does not rest on the σ_k alone); nil
/// for n = 2 sizes. Its bootstrap fields refit the law to resampled per-size means with the same
/// weights.
public struct PowerLawFit: Codable, Sendable, Equatable {
  /// The exponent p.
  public var exponent: ScalingEstimate
  /// ln A, the intercept at N = 1 (same error conventions as `exponent`).
  public var logPrefactor: ScalingEstimate
  /// χ²/(n − 2) of the fit in ln y; nil for n = 2.
  public var reducedChiSquare: Double?
  /// True when the fit used the per-size errors as weights.
  public var isWeighted: Bool

  /// The point estimate of a weighted fit: p, ln A, their scaled standard errors, χ²/(n − 2).
  struct Solution {
    var exponent: Double
    var logPrefactor: Double
    var exponentError: Double?
    var logPrefactorError: Double?
    var reducedChiSquare: Double?
  }

  /// The fit of values y_k > 0 at sizes N_k > 0 with weights w_k on ln y; nil when fewer than two
  /// distinct sizes.
  static func solve(sizes: [Double], values: [Double], weights: [Double]?) -> Solution? {
    let lnN = sizes.map { Foundation.log($0) }
    let centre = lnN.reduce(0, +) / Double(max(1, lnN.count))
    let u = lnN.map { $0 - centre }
    let lnY = values.map { Foundation.log($0) }
    let fit = WeightedLineFit(x: u, y: lnY, weights: weights)
    guard fit.isDetermined, lnY.allSatisfy(\.isFinite) else { return nil }
    let p = fit.slope
    let b = fit.intercept
    let chiSquare = u.indices.reduce(0.0) { s, k in
      let r = lnY[k] - b - p * u[k]
      return s + (weights?[k] ?? 1) * r * r
    }
    let dof = u.count - 2
    var solution = Solution(exponent: p, logPrefactor: b - p * centre)
    guard dof > 0 else { return solution }
    let scale = chiSquare / Double(dof)
    solution.reducedChiSquare = scale
    solution.exponentError = sqrt(fit.slopeVariance * scale)
    let variance = fit.interceptVariance + centre * centre * fit.slopeVariance - 2 * centre * fit.covariance
    solution.logPrefactorError = sqrt(max(0, variance) * scale)
    return solution
  }

  /// The fit with its bootstrap replicates.
  init(_ solution: Solution, replicates: [Solution], isWeighted: Bool) {
    exponent = ScalingEstimate(
      value: solution.exponent, standardError: solution.exponentError, replicates: replicates.map(\.exponent))
    logPrefactor = ScalingEstimate(
      value: solution.logPrefactor, standardError: solution.logPrefactorError,
      replicates: replicates.map(\.logPrefactor))
    reducedChiSquare = solution.reducedChiSquare
    self.isWeighted = isWeighted
  }
}
