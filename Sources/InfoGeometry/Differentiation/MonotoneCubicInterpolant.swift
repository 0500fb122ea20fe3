/// Monotone piecewise-cubic Hermite interpolation (Fritsch–Carlson, with the Fritsch–Butland
/// harmonic-mean tangents used by PCHIP).
///
/// Through points (x_k, y_k) with strictly increasing x_k, the interpolant is C¹, passes through
/// every point, and is monotone on every interval where the data are monotone: with secants
/// δ_k = (y_{k+1} − y_k)/(x_{k+1} − x_k) and spacings h_k, the interior tangents are
/// ```
/// m_k = 0                                                     if δ_{k−1}·δ_k ≤ 0
/// m_k = 3(h_{k−1} + h_k) / ((2h_k + h_{k−1})/δ_{k−1} + (h_k + 2h_{k−1})/δ_k)   otherwise
/// ```
/// and the end tangents are the end secants. Straight-line data are reproduced exactly.
public struct MonotoneCubicInterpolant: Sendable {
  /// Abscissae, strictly increasing.
  public let x: [Double]
  /// Ordinates at `x`.
  public let y: [Double]
  /// Tangents dy/dx at `x`.
  public let tangents: [Double]

  /// Builds the interpolant. Requires at least two points and strictly increasing finite `x`
  /// (the callers validate their inputs; here a violation returns nil).
  public init?(x: [Double], y: [Double]) {
    guard x.count == y.count, x.count >= 2 else { return nil }
    for k in 1..<x.count where !(x[k] > x[k - 1]) { return nil }
    let n = x.count
    let h = (0..<(n - 1)).map { x[$0 + 1] - x[$0] }
    let delta = (0..<(n - 1)).map { (y[$0 + 1] - y[$0]) / h[$0] }
    var m = [Double](repeating: 0, count: n)
    m[0] = delta[0]
    m[n - 1] = delta[n - 2]
    if n > 2 {
      for k in 1..<(n - 1) {
        let a = delta[k - 1]
        let b = delta[k]
        if a * b > 0 {
          m[k] = 3 * (h[k - 1] + h[k]) / ((2 * h[k] + h[k - 1]) / a + (h[k] + 2 * h[k - 1]) / b)
        }
      }
    }
    self.x = x
    self.y = y
    tangents = m
  }

  /// The interpolated value at `t`; outside [x₀, x_{n−1}] the end value is held constant.
  public func callAsFunction(_ t: Double) -> Double {
    let n = x.count
    if t <= x[0] { return y[0] }
    if t >= x[n - 1] { return y[n - 1] }
    var lo = 0
    var hi = n - 1
    while hi - lo > 1 {
      let mid = (lo + hi) / 2
      if x[mid] <= t { lo = mid } else { hi = mid }
    }
    let h = x[hi] - x[lo]
    let s = (t - x[lo]) / h
    let s2 = s * s
    let s3 = s2 * s
    // Hermite basis with h00 = 1 − h01 folded in, so a flat piece returns its value exactly.
    let h10 = s3 - 2 * s2 + s
    let h01 = -2 * s3 + 3 * s2
    let h11 = s3 - s2
    return y[lo] + h01 * (y[hi] - y[lo]) + h * (h10 * tangents[lo] + h11 * tangents[hi])
  }
}
