/// y′ and y″ of a series on a uniform grid, estimated by a regularized method.
///
/// All arrays have the grid's length n; `x[i] = origin + i·spacing`. Derivatives are with respect
/// to x (for the transition analysis x = ln t and y = ln L, so y′ is the local power-law exponent
/// of L ∝ t^β and y″ its rate of change per e-fold of t).
public struct RegularizedDerivative: Codable, Sendable, Equatable {
  /// Grid abscissae (uniform).
  public var x: [Double]
  /// The regularized fit of y on the grid.
  public var smoothed: [Double]
  /// dy/dx on the grid.
  public var firstDerivative: [Double]
  /// d²y/dx² on the grid.
  public var secondDerivative: [Double]
  /// The method that produced the estimate.
  public var method: DifferentiationMethod
  /// The regularization strength used: λ (tikhonov, dimensionless), α (totalVariation, units of
  /// y²), or the half-width m in grid points (savitzkyGolay).
  public var strength: Double
  /// True when `strength` was chosen automatically, false when it was given.
  public var strengthIsAutomatic: Bool
  /// Root-mean-square of y − smoothed over the grid.
  public var residualRMS: Double
  /// Robust noise level of the residual: 1.4826·median|r − median r|, r = y − smoothed.
  public var residualNoise: Double
  /// Noise level of y″: `residualNoise` × the median over the grid of ‖∂y″ᵢ/∂y‖₂, i.e. the
  /// standard deviation white noise of that size leaves in y″ (for totalVariation, of the last
  /// linearized lagged-diffusivity step).
  public var curvatureNoise: Double
}
