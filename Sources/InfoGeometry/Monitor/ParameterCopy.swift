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
}
