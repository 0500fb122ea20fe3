/// Information velocity and length along a sequence of snapshots, from the distances between consecutive
/// ones:
/// ```
/// Γ_i = d(p_{i−1}, p_i) / (t_i − t_{i−1})      (1/step)
/// L(t_n) = Σ_{i≤n} d(p_{i−1}, p_i)             (dimensionless, non-decreasing)
/// ```
/// Γ is NaN until the first distance arrives. The stride between snapshots is the caller's to record: L
/// depends on it (distances between snapshots k steps apart do not add up to the single-step ones).
public struct InformationPath: Sendable, Equatable {
  /// L, the sum of the distances so far.
  public private(set) var length: Double = 0
  /// Γ of the latest step.
  public private(set) var velocity: Double = .nan
  /// Number of distances added.
  public private(set) var stepCount: Int = 0

  /// An empty path.
  public init() {}

  /// Adds the distance `distance` covered over `interval` optimizer steps (interval > 0).
  public mutating func append(distance: Double, interval: Int) {
    length += distance
    velocity = distance / Double(max(interval, 1))
    stepCount += 1
  }

  /// L of the polyline through `distances` (the sum).
  public static func length(_ distances: [Double]) -> Double { distances.reduce(0, +) }
}
