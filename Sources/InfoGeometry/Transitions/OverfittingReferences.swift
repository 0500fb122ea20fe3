import Foundation

/// Reference points of overfitting, computed from `TrainingMetricsSeries` only.
///
/// Criteria (each documented on `Kind`). "Light smoothing" is a centred moving average over
/// `smoothingWindow` evaluation points (default 5; shortened symmetrically near the ends), applied
/// in index order, so it suits log-spaced evaluations as well as uniform ones.
public struct OverfittingReferences: Codable, Sendable, Equatable {
  /// Which reference point.
  public enum Kind: String, Codable, Sendable, Equatable, CaseIterable {
    /// The step of the minimum of the smoothed test loss (the earliest on ties).
    case testLossMinimum
    /// The step of the maximum of the smoothed test accuracy (the earliest on ties).
    case testAccuracyMaximum
    /// The first step from which the (raw) training accuracy stays ≥ `saturationAccuracy`.
    case trainAccuracySaturation
    /// The first step from which the (raw) training loss stays ≤ `saturationLossFraction` × its
    /// first value.
    case trainLossSaturation
    /// Onset of a growing train–test gap g = testLoss − trainLoss (smoothed): with g_min its
    /// minimum and g_end its last value, the first step at or after the minimum from which
    /// g ≥ g_min + `gapOnsetFraction`·(g_end − g_min) holds to the end; absent unless
    /// g_end − g_min > `minimumGapGrowth`.
    case trainTestGapOnset
  }

  /// One reference point.
  public struct Point: Codable, Sendable, Equatable {
    /// Which criterion.
    public var kind: Kind
    /// Its step.
    public var step: Double
  }

  /// Settings with documented defaults.
  public struct Options: Codable, Sendable, Equatable {
    /// Points in the centred moving average (odd; default 5).
    public var smoothingWindow: Int
    /// Training-accuracy saturation threshold (default 0.995).
    public var saturationAccuracy: Double
    /// Training-loss saturation as a fraction of the first training loss (default 0.01).
    public var saturationLossFraction: Double
    /// Fraction of the gap's growth that marks its onset (default 0.1).
    public var gapOnsetFraction: Double
    /// The least growth g_end − g_min, in loss units, that counts as a growing gap (default 0).
    public var minimumGapGrowth: Double

    /// Options with the documented defaults.
    public init(
      smoothingWindow: Int = 5, saturationAccuracy: Double = 0.995, saturationLossFraction: Double = 0.01,
      gapOnsetFraction: Double = 0.1, minimumGapGrowth: Double = 0
    ) {
      self.smoothingWindow = smoothingWindow
      self.saturationAccuracy = saturationAccuracy
      self.saturationLossFraction = saturationLossFraction
      self.gapOnsetFraction = gapOnsetFraction
      self.minimumGapGrowth = minimumGapGrowth
    }
  }

  /// The reference points that exist for this run, in `Kind` order (a criterion never met is
  /// absent).
  public var points: [Point]
  /// The options used.
  public var options: Options

  /// Computes the reference points.
  /// - Throws: `TransitionError.invalidOption` for an even or non-positive smoothing window.
  public init(_ metrics: TrainingMetricsSeries, options: Options = .init()) throws(TransitionError) {
    guard options.smoothingWindow >= 1, options.smoothingWindow % 2 == 1 else {
      throw .invalidOption(
        name: "smoothingWindow", expected: "an odd count ≥ 1", found: Double(options.smoothingWindow))
    }
    let t = metrics.steps
    let k = options.smoothingWindow / 2
    var found: [Point] = []
    let testLoss = Self.movingAverage(metrics.testLoss, halfWidth: k)
    if let i = testLoss.indices.min(by: { testLoss[$0] < testLoss[$1] }) {
      found.append(Point(kind: .testLossMinimum, step: t[i]))
    }
    let testAccuracy = Self.movingAverage(metrics.testAccuracy, halfWidth: k)
    if let i = testAccuracy.indices.min(by: { testAccuracy[$0] > testAccuracy[$1] }) {
      found.append(Point(kind: .testAccuracyMaximum, step: t[i]))
    }
    if let i = Self.firstHolding(metrics.trainAccuracy.map { $0 >= options.saturationAccuracy }) {
      found.append(Point(kind: .trainAccuracySaturation, step: t[i]))
    }
    let lossLevel = options.saturationLossFraction * metrics.trainLoss[0]
    if let i = Self.firstHolding(metrics.trainLoss.map { $0 <= lossLevel }) {
      found.append(Point(kind: .trainLossSaturation, step: t[i]))
    }
    let gap = Self.movingAverage(zip(metrics.testLoss, metrics.trainLoss).map { $0 - $1 }, halfWidth: k)
    if let low = gap.indices.min(by: { gap[$0] < gap[$1] }), let end = gap.last,
      end - gap[low] > options.minimumGapGrowth
    {
      let level = gap[low] + options.gapOnsetFraction * (end - gap[low])
      let holds = gap.indices.map { $0 >= low && gap[$0] >= level }
      if let i = Self.firstHolding(holds) { found.append(Point(kind: .trainTestGapOnset, step: t[i])) }
    }
    points = found
    self.options = options
  }

  /// The step of a reference point, if it exists.
  public func step(of kind: Kind) -> Double? { points.first { $0.kind == kind }?.step }

  /// Centred moving average over 2k+1 points, shortened symmetrically near the ends.
  static func movingAverage(_ v: [Double], halfWidth k: Int) -> [Double] {
    v.indices.map { i in
      let r = min(k, i, v.count - 1 - i)
      return v[(i - r)...(i + r)].reduce(0, +) / Double(2 * r + 1)
    }
  }

  /// The first index from which `condition` holds through the end, nil if it fails at the end.
  static func firstHolding(_ condition: [Bool]) -> Int? {
    guard condition.last == true else { return nil }
    var i = condition.count - 1
    while i > 0, condition[i - 1] { i -= 1 }
    return i
  }
}
