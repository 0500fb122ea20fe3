/// Squared displacement ‖Δθ‖² = Σ (θ − θ_prev)² and squared norm ‖θ‖² = Σ θ² of a run of values, summed in
/// Double.
public struct DisplacementSums: Sendable, Equatable {
  /// Σ (θ − θ_prev)² (0 when there is no previous copy yet).
  public var squaredDisplacement: Double = 0
  /// Σ θ².
  public var squaredNorm: Double = 0

  /// Zero sums.
  public init() {}

  /// Adds another run's sums.
  mutating func add(_ other: DisplacementSums) {
    squaredDisplacement += other.squaredDisplacement
    squaredNorm += other.squaredNorm
  }
}

/// A previous snapshot kept in some precision, convertible to another (when a run switches between Float32
/// and Float64 observations).
protocol StoredParameterCopy: AnyObject {
  /// The same values in precision `T` (rounded when `T` is narrower).
  func converted<T: HistogramScalar>(to type: T.Type) -> ParameterCopy<T>
}

/// The previous snapshot's values of every tensor that belongs to at least one group, for the Euclidean
/// comparator (``EuclideanPath``): one flat array in the parameters' own precision (Float32 for a live
/// run), so it costs 4 bytes per grouped parameter (8 for Float64 observations), once per tensor however
/// many groups contain it. A ``GeometryMonitor`` allocates it at its first observation, and only with
/// ``GeometryConfiguration/euclidean`` on.
final class ParameterCopy<Scalar: HistogramScalar>: StoredParameterCopy {
  /// The values, tensor after tensor.
  var values: [Scalar]
  /// Start of each tensor in `values`; nil for a tensor in no group.
  let offsets: [Int?]
  /// Whether `values` holds a snapshot (false until the first observation has been copied).
  var isFilled = false

  /// An empty (unfilled) copy with room for the tensors `grouped` of the given sizes.
  init(elementCounts: [Int], grouped: Set<Int>) {
    var offsets: [Int?] = []
    var total = 0
    for (t, n) in elementCounts.enumerated() {
      offsets.append(grouped.contains(t) ? total : nil)
      if grouped.contains(t) { total += n }
    }
    self.offsets = offsets
    values = [Scalar](repeating: 0, count: total)
  }

  private init(values: [Scalar], offsets: [Int?], isFilled: Bool) {
    self.values = values
    self.offsets = offsets
    self.isFilled = isFilled
  }

  func converted<T: HistogramScalar>(to type: T.Type) -> ParameterCopy<T> {
    ParameterCopy<T>(values: values.map { T($0) }, offsets: offsets, isFilled: isFilled)
  }

  /// The hot loop of the comparator: over `values[range]`, adds `(θ − θ_prev)²` (only when `hasPrevious`)
  /// and `θ²` in Double, in four interleaved lanes (independent addition chains, so the loop is not bound
  /// by the latency of one), and overwrites `previous[range]` with the values. The difference of two
  /// Float32 values is exact in Double when their magnitudes are within a factor 2²⁹ of each other, so the
  /// rounding is essentially that of the squares and sums. `previous` is the tensor's start in the copy.
  @inline(__always)
  static func accumulate(
    _ values: UnsafeBufferPointer<Scalar>, range: Range<Int>, previous: UnsafeMutablePointer<Scalar>,
    hasPrevious: Bool
  ) -> DisplacementSums {
    var sums = DisplacementSums()
    guard let base = values.baseAddress else { return sums }
    var d = (0.0, 0.0, 0.0, 0.0)
    var q = (0.0, 0.0, 0.0, 0.0)
    // Without a previous copy the "previous" values are the current ones: the displacement is 0.
    let reference = hasPrevious ? UnsafePointer(previous) : base
    var i = range.lowerBound
    let end = range.upperBound
    while i + 3 < end {
      let x0 = base[i].doubleValue
      let x1 = base[i + 1].doubleValue
      let x2 = base[i + 2].doubleValue
      let x3 = base[i + 3].doubleValue
      let e0 = x0 - reference[i].doubleValue
      let e1 = x1 - reference[i + 1].doubleValue
      let e2 = x2 - reference[i + 2].doubleValue
      let e3 = x3 - reference[i + 3].doubleValue
      d.0 += e0 * e0
      d.1 += e1 * e1
      d.2 += e2 * e2
      d.3 += e3 * e3
      q.0 += x0 * x0
      q.1 += x1 * x1
      q.2 += x2 * x2
      q.3 += x3 * x3
      i += 4
    }
    while i < end {
      let x = base[i].doubleValue
      let e = x - reference[i].doubleValue
      d.0 += e * e
      q.0 += x * x
      i += 1
    }
    (previous + range.lowerBound).update(from: base + range.lowerBound, count: range.count)
    sums.squaredDisplacement = (d.0 + d.1) + (d.2 + d.3)
    sums.squaredNorm = (q.0 + q.1) + (q.2 + q.3)
    return sums
  }
}
