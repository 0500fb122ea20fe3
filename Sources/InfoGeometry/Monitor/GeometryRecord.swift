/// One group's geometry at one observed step: what the trainer writes as a row of `geometry.csv`.
///
/// Velocities are in 1/step (NaN at a group's first observation, which has no predecessor); lengths are
/// dimensionless and start at 0. The primary `velocity`/`length` repeat the columns of the configured
/// estimator. Masses are fractions of the group's values. The Euclidean columns (appended last) are the
/// size-of-update comparators of the information length.
public struct GeometryRecord: Sendable, Equatable {
  /// Group name ("all", "weights", a tensor name, a pattern).
  public var group: String
  /// Optimizer step t of the snapshot.
  public var step: Int
  /// Configured stride between observations, in steps.
  public var stride: Int
  /// Steps since the previous observation, Δt (0 at the first).
  public var interval: Int
  /// Number of values N in the group.
  public var elementCount: Int
  /// Bins K at the reporting resolution (excluding underflow/overflow).
  public var binCount: Int
  /// Name of the primary estimator.
  public var estimator: GeometryEstimator
  /// Primary Γ.
  public var velocity: Double
  /// Primary L.
  public var length: Double
  /// Γ from the Fisher–Rao distance of consecutive histograms, as is.
  public var velocityNaive: Double
  /// L of the naive histogram estimate.
  public var lengthNaive: Double
  /// Γ of the split-half debiased estimate.
  public var velocityDebiased: Double
  /// L of the debiased estimate.
  public var lengthDebiased: Double
  /// Share of the naive χ² this step attributed to binning noise, `1 − χ²_AB/χ²` (raw, may leave [0, 1]).
  public var noiseShare: Double
  /// Γ of the Gaussian (mean, std) estimate.
  public var velocityGaussian: Double
  /// L of the Gaussian estimate.
  public var lengthGaussian: Double
  /// Γ from the Fisher–Rao distance of consecutive kernel-smoothed histograms (``KernelSmoothing``).
  public var velocityKernel: Double
  /// L of the kernel estimate.
  public var lengthKernel: Double
  /// Kernel bandwidth b of the smoothed estimates (kernel and debiased) by Silverman's rule, in parameter
  /// units (0 when off); the box filters realise it to within a few percent (see ``KernelSmoothing``).
  public var bandwidth: Double
  /// Mean of the values.
  public var mean: Double
  /// Population standard deviation of the values.
  public var standardDeviation: Double
  /// Smallest value.
  public var minimum: Double
  /// Largest value.
  public var maximum: Double
  /// Mass below the grid.
  public var underflow: Double
  /// Mass above the grid.
  public var overflow: Double
  /// Euclidean speed γ = ‖θ_i − θ_{i−1}‖/Δt of the group's values (parameter units per step; NaN at the
  /// first observation, and throughout with ``GeometryConfiguration/euclidean`` off). See ``EuclideanPath``.
  public var velocityEuclidean: Double
  /// Euclidean path length S = Σ ‖θ_i − θ_{i−1}‖ (parameter units; 0 at the first observation, NaN with
  /// the comparator off).
  public var lengthEuclidean: Double
  /// Relative update size ‖θ_i − θ_{i−1}‖/‖θ_i‖ (dimensionless; NaN at the first observation and with the
  /// comparator off).
  public var relativeUpdate: Double

  /// Column names of ``csvFields``, in order.
  public static let csvColumns = [
    "group", "step", "stride", "interval", "count", "bins", "estimator", "gamma", "length", "gamma_naive",
    "length_naive", "gamma_debiased", "length_debiased", "noise_share", "gamma_gaussian", "length_gaussian",
    "gamma_kernel", "length_kernel", "bandwidth", "mean", "std", "min", "max", "underflow", "overflow",
    "gamma_euclidean", "length_euclidean",
    "relative_update",
  ]

  /// The record as CSV fields matching ``csvColumns``; numbers in Swift's shortest round-trip form
  /// (`nan`, `inf` for non-finite values). The group name is returned as is (quote it if it can hold commas).
  public var csvFields: [String] {
    [
      group, String(step), String(stride), String(interval), String(elementCount), String(binCount),
      estimator.rawValue,
    ]
      + numericFields.map { String($0) }
  }

  /// The numeric columns from `gamma` on, in ``csvColumns`` order.
  public var numericFields: [Double] {
    [
      velocity, length, velocityNaive, lengthNaive, velocityDebiased, lengthDebiased, noiseShare,
      velocityGaussian, lengthGaussian, velocityKernel, lengthKernel, bandwidth, mean, standardDeviation,
      minimum, maximum, underflow, overflow, velocityEuclidean,
      lengthEuclidean, relativeUpdate,
    ]
  }
}
