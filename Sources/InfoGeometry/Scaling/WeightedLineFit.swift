/// Weighted least squares of a straight line y = b + m·x, accumulated point by point.
///
/// With weights w_l = 1/σ_l² and sums K = Σw, K_x = Σwx, K_y = Σwy, K_xx = Σwx², K_xy = Σwxy,
/// Δ = K·K_xx − K_x²:
/// ```
/// b = (K_xx·K_y − K_x·K_xy)/Δ     m = (K·K_xy − K_x·K_y)/Δ
/// σ_b² = K_xx/Δ     σ_m² = K/Δ     σ_bm = −K_x/Δ
/// ```
/// The (co)variances are those of known σ_l (unscaled by the residuals). Callers centre x near
/// the points (the data-collapse quality fits in x − x₀, the power laws in ln N) so the sums do not
/// cancel.
struct WeightedLineFit {
  private(set) var k = 0.0
  private(set) var kx = 0.0
  private(set) var ky = 0.0
  private(set) var kxx = 0.0
  private(set) var kxy = 0.0

  init() {}

  /// The fit of all points; `weights` nil means unit weights.
  init(x: [Double], y: [Double], weights: [Double]? = nil) {
    for i in x.indices { add(x: x[i], y: y[i], weight: weights?[i] ?? 1) }
  }

  mutating func add(x: Double, y: Double, weight w: Double) {
    k += w
    kx += w * x
    ky += w * y
    kxx += w * x * x
    kxy += w * x * y
  }

  /// Δ = K·K_xx − K_x², > 0 when at least two distinct x carry weight.
  var determinant: Double { k * kxx - kx * kx }
  /// False when Δ ≤ 0 (fewer than two distinct x): intercept and slope are then undefined.
  var isDetermined: Bool { determinant > 1e-14 * k * kxx && determinant > 0 }
  var intercept: Double { (kxx * ky - kx * kxy) / determinant }
  var slope: Double { (k * kxy - kx * ky) / determinant }
  var interceptVariance: Double { kxx / determinant }
  var slopeVariance: Double { k / determinant }
  var covariance: Double { -kx / determinant }
}
