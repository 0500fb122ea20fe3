/// Count, mean, standard deviation, minimum and maximum of a group's values, accumulated in one pass.
///
/// Sums are of `x − c` for a fixed centre `c` (the grid's centre), which keeps `Σ(x − c)² − N·(x̄ − c)²`
/// free of cancellation when the values sit far from zero. The standard deviation is the population one,
/// `σ = √(Σ(x − x̄)²/N)`, the Gaussian estimator's maximum-likelihood width.
public struct SampleMoments: Sendable, Equatable {
  /// Number of values.
  public private(set) var count: Int = 0
  /// Smallest value (+∞ when empty).
  public private(set) var minimum: Double = .infinity
  /// Largest value (−∞ when empty).
  public private(set) var maximum: Double = -.infinity
  private var centre: Double
  private var sum: Double = 0
  private var sumOfSquares: Double = 0

  /// Empty moments whose sums will be taken about `centre`.
  public init(centre: Double = 0) { self.centre = centre }

  /// Moments of `values`.
  public init<S: Sequence>(of values: S, centre: Double = 0) where S.Element: BinaryFloatingPoint {
    self.init(centre: centre)
    for v in values { add(Double(v)) }
  }

  /// Mean x̄ (NaN when empty).
  public var mean: Double { count > 0 ? centre + sum / Double(count) : .nan }
  /// Population standard deviation (NaN when empty).
  public var standardDeviation: Double {
    guard count > 0 else { return .nan }
    let m = sum / Double(count)
    return max(0, sumOfSquares / Double(count) - m * m).squareRoot()
  }

  /// Adds one value.
  public mutating func add(_ x: Double) {
    addPartial(count: 1, sum: x - centre, sumOfSquares: (x - centre) * (x - centre), minimum: x, maximum: x)
  }

  /// Adds a block's partial sums (of `x − centre`), as the binning kernel produces them.
  mutating func addPartial(
    count n: Int, sum s: Double, sumOfSquares ss: Double, minimum lo: Double, maximum hi: Double
  ) {
    count += n
    sum += s
    sumOfSquares += ss
    if lo < minimum { minimum = lo }
    if hi > maximum { maximum = hi }
  }

  /// Adds another accumulator taken about the same centre.
  mutating func merge(_ other: SampleMoments) {
    addPartial(
      count: other.count, sum: other.sum, sumOfSquares: other.sumOfSquares, minimum: other.minimum,
      maximum: other.maximum)
  }
}
