/// How `RegularizedDifferentiation` estimates y′ and y″ of a noisy series on a uniform grid.
///
/// Every method has one strength parameter, chosen automatically unless given:
/// - `tikhonov`: Whittaker smoothing, argmin_z ‖y − z‖² + λ‖D₂z‖² (D₂ the second-difference
///   matrix, λ dimensionless), λ by generalized cross-validation; y′, y″ are central differences
///   of z.
/// - `totalVariation`: Chartrand's total-variation regularized differentiation, applied at order
///   two: u = y″ minimizes α·TV(u) + ½‖A²u − (y − c)‖² (A the antiderivative). It is solved in the
///   variable z = A²u + c, as argmin_z ½‖y − z‖² + α Σ_r |(D₃z)_r|/h², by lagged diffusivity;
///   y″ = D₂z/h², y′ = central differences of z. α (units of y²) is chosen so that the fit error
///   equals that of the GCV-optimal Whittaker fit (a discrepancy principle).
/// - `savitzkyGolay`: least-squares cubics on sliding windows of 2m+1 points (end windows
///   evaluated off-centre), y′ and y″ from the cubic; the half-width m (points) by GCV.
public enum DifferentiationMethod: String, Codable, Sendable, CaseIterable {
  case tikhonov
  case totalVariation
  case savitzkyGolay

  /// The method used to cross-check a marker found with `self`: tikhonov ↔ totalVariation,
  /// savitzkyGolay → tikhonov.
  public var alternate: DifferentiationMethod {
    switch self {
    case .tikhonov: .totalVariation
    case .totalVariation: .tikhonov
    case .savitzkyGolay: .tikhonov
    }
  }
}
