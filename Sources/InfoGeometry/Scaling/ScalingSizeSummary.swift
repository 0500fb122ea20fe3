import Foundation

/// The markers of one size, averaged over seeds.
///
/// Each estimate's `standardError` is the standard error of the mean over seeds, s/√n (nil for
/// one seed); its bootstrap fields come from means over seeds resampled with replacement.
public struct ScalingSizeSummary: Codable, Sendable, Equatable {
  /// The size N.
  public var size: Double
  /// The seeds, ascending.
  public var seeds: [Int]
  /// The mean log t_c over seeds (base `ScalingOptions.logBase`).
  public var logMarker: ScalingEstimate
  /// t_c(N) = base^(mean log t_c), the geometric mean of the markers (its error by the delta
  /// method, its interval the transformed interval of `logMarker`).
  public var markerStep: ScalingEstimate
  /// h(N), the mean depth.
  public var depth: ScalingEstimate
  /// w(N), the mean width in decades.
  public var widthDecades: ScalingEstimate

  /// The mean and the standard error of the mean (nil for fewer than two values).
  static func meanAndError(_ v: [Double]) -> (mean: Double, error: Double?) {
    let n = Double(v.count)
    let mean = v.reduce(0, +) / n
    guard v.count >= 2 else { return (mean, nil) }
    let variance = v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
    return (mean, sqrt(variance / n))
  }
}
