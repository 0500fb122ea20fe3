import Foundation

/// A fitted or averaged quantity with its errors.
///
/// `standardError` is the method's own one-σ error (the doc of each field that holds an estimate
/// says which); `bootstrapStandardError` is the standard deviation of the estimate over bootstrap
/// resamples of the seeds, and [`lower`, `upper`] their 2.5% and 97.5% percentiles (a 95%
/// percentile interval). Fields that could not be computed (one seed, too few replicates) are nil.
public struct ScalingEstimate: Codable, Sendable, Equatable {
  /// The estimate from all the data.
  public var value: Double
  /// The method's one-σ error, nil where it has none.
  public var standardError: Double?
  /// The standard deviation over bootstrap replicates.
  public var bootstrapStandardError: Double?
  /// The 2.5% percentile over bootstrap replicates.
  public var lower: Double?
  /// The 97.5% percentile over bootstrap replicates.
  public var upper: Double?

  /// An estimate from its value, its own error, and the bootstrap replicates (fewer than
  /// `minimumReplicates` finite ones leave the bootstrap fields nil).
  public init(value: Double, standardError: Double? = nil, replicates: [Double] = []) {
    self.value = value
    self.standardError = standardError
    let r = replicates.filter(\.isFinite).sorted()
    guard r.count >= Self.minimumReplicates else { return }
    let mean = r.reduce(0, +) / Double(r.count)
    bootstrapStandardError = sqrt(r.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(r.count - 1))
    lower = Self.percentile(r, 0.025)
    upper = Self.percentile(r, 0.975)
  }

  /// Bootstrap fields need at least this many finite replicates.
  public static let minimumReplicates = 5

  /// The estimate of −q: value and percentiles negated (lower and upper swap).
  public var negated: ScalingEstimate {
    var e = self
    e.value = -value
    e.lower = upper.map { -$0 }
    e.upper = lower.map { -$0 }
    return e
  }

  /// The q-quantile of sorted values by linear interpolation between order statistics at
  /// q·(n − 1).
  static func percentile(_ sorted: [Double], _ q: Double) -> Double {
    let position = q * Double(sorted.count - 1)
    let k = min(Int(position), sorted.count - 2)
    guard k >= 0 else { return sorted[0] }
    let f = position - Double(k)
    return sorted[k] + f * (sorted[k + 1] - sorted[k])
  }
}
