/// The Euclidean comparator of the information length: how far the parameters themselves moved, blind to
/// what the move did to their distribution. From the squared displacement ‖Δθ_i‖² = Σ_j (θ_ij − θ_{i−1,j})²
/// and the squared norm ‖θ_i‖² = Σ_j θ_ij² of a group's values at consecutive observations:
/// ```
/// γ_i = ‖θ_i − θ_{i−1}‖ / (t_i − t_{i−1})      (parameter units per step)
/// S(t_n) = Σ_{i≤n} ‖θ_i − θ_{i−1}‖              (parameter units, non-decreasing)
/// r_i = ‖θ_i − θ_{i−1}‖ / ‖θ_i‖                 (dimensionless relative update size)
/// ```
/// γ and r are NaN until the first displacement arrives; r is NaN when ‖θ_i‖ = 0 and ‖Δθ_i‖ = 0, and +∞
/// when only ‖θ_i‖ = 0. A non-finite value makes the step's displacement, and S from then on, non-finite.
public struct EuclideanPath: Sendable, Equatable {
  /// S, the sum of the displacement norms so far.
  public private(set) var length: Double = 0
  /// γ of the latest step.
  public private(set) var velocity: Double = .nan
  /// r of the latest step.
  public private(set) var relativeUpdate: Double = .nan
  /// Number of displacements added.
  public private(set) var stepCount: Int = 0

  /// An empty path.
  public init() {}

  /// Adds the step with squared displacement ‖Δθ‖² = `squaredDisplacement`, over `interval` optimizer steps
  /// (at least 1 is used), ending at values of squared norm ‖θ‖² = `squaredNorm`.
  public mutating func append(squaredDisplacement: Double, squaredNorm: Double, interval: Int) {
    let distance = squaredDisplacement.squareRoot()
    length += distance
    velocity = distance / Double(max(interval, 1))
    relativeUpdate = distance / squaredNorm.squareRoot()
    stepCount += 1
  }
}
