import Foundation

/// The quality S of a data collapse (J. Houdayer and A. K. Hartmann, Phys. Rev. B 70, 014418
/// (2004)).
///
/// Each curve i (size N_i) is scaled to
/// ```
/// x′_ij = (x_ij − x_c)·(N_i/N_ref)^(1/ν)    y′_ij = y_ij·(N_i/N_ref)^(−ζ)    dy′_ij = dy_ij·(N_i/N_ref)^(−ζ)
/// ```
/// For every point (i, j), the master curve there is the weighted (w = 1/dy′²) straight-line fit
/// to the points of the OTHER curves that bracket x′_ij — for each i′ ≠ i, the two neighbours
/// x′_i′j′ ≤ x′_ij ≤ x′_i′(j′+1) — giving Y_ij and its error dY_ij; then
/// ```
/// S = (1/𝒩) Σ_ij (y′_ij − Y_ij)² / (dy′_ij² + dY_ij²)
/// ```
/// over the 𝒩 points where Y_ij is defined (some other curve brackets them). S ≈ 1 for a collapse
/// within the errors and grows as the curves move apart. The reference size N_ref rescales x′
/// and y′ by constants, which leaves S unchanged; it only keeps the numbers of order one.
public struct CollapseQuality: Codable, Sendable, Equatable {
  /// S (+∞ when ν ≤ 0 or fewer than `minimumOverlapFraction` of the points are bracketed).
  public var value: Double
  /// 𝒩, the number of points with a defined master curve.
  public var pointCount: Int

  /// A parameter set whose master curve is defined at fewer than this fraction of all points scores
  /// S = +∞, so that the minimizer cannot improve S by pulling the curves apart until hardly any
  /// of them overlap.
  public static let minimumOverlapFraction = 0.2

  /// S of `curves` under `parameters`, with N_ref = `referenceSize`.
  public init(curves: [CollapseCurve], parameters p: CollapseParameters, referenceSize: Double) {
    value = .infinity
    pointCount = 0
    guard p.nu > 0, p.nu.isFinite, p.criticalX.isFinite, p.zeta.isFinite else { return }
    let scaled = curves.map { c -> (x: [Double], y: [Double], dy: [Double]) in
      let r = c.size / referenceSize
      let sx = pow(r, 1 / p.nu)
      let sy = pow(r, -p.zeta)
      return (c.x.map { ($0 - p.criticalX) * sx }, c.y.map { $0 * sy }, c.errors.map { $0 * sy })
    }
    var total = 0.0
    var count = 0
    var all = 0
    for i in scaled.indices {
      let xs = scaled[i].x
      all += xs.count
      for j in xs.indices {
        let x0 = xs[j]
        var line = WeightedLineFit()
        for i2 in scaled.indices where i2 != i {
          let other = scaled[i2]
          guard let k = Self.bracket(other.x, x0) else { continue }
          line.add(x: other.x[k] - x0, y: other.y[k], weight: 1 / (other.dy[k] * other.dy[k]))
          line.add(x: other.x[k + 1] - x0, y: other.y[k + 1], weight: 1 / (other.dy[k + 1] * other.dy[k + 1]))
        }
        guard line.k > 0, line.isDetermined else { continue }
        let d = scaled[i].y[j] - line.intercept
        let e = scaled[i].dy[j]
        total += d * d / (e * e + line.interceptVariance)
        count += 1
      }
    }
    guard count > 0, Double(count) >= Self.minimumOverlapFraction * Double(all), total.isFinite else { return }
    value = total / Double(count)
    pointCount = count
  }

  /// The k with x[k] ≤ t ≤ x[k + 1] (increasing x), nil when t lies outside [x₀, x_{n−1}].
  static func bracket(_ x: [Double], _ t: Double) -> Int? {
    guard let first = x.first, let last = x.last, t >= first, t <= last, x.count >= 2 else { return nil }
    var lo = 0
    var hi = x.count - 1
    while hi - lo > 1 {
      let mid = (lo + hi) / 2
      if x[mid] <= t { lo = mid } else { hi = mid }
    }
    return lo
  }
}
