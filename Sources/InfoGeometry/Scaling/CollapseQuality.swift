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
    // The scaled points of all curves in one buffer, (x′, y′, 1/dy′²) per point, curve c at
    // points start[c] ..< start[c + 1].
    var start = [0]
    var points: [Double] = []
    points.reserveCapacity(3 * curves.reduce(0) { $0 + $1.x.count })
    for c in curves {
      let r = c.size / referenceSize
      let sx = pow(r, 1 / p.nu)
      let sy = pow(r, -p.zeta)
      for j in c.x.indices {
        let e = c.errors[j] * sy
        points.append((c.x[j] - p.criticalX) * sx)
        points.append(c.y[j] * sy)
        points.append(1 / (e * e))
      }
      start.append(start[start.count - 1] + c.x.count)
    }
    let all = start[start.count - 1]
    let (total, count) = points.withUnsafeBufferPointer { q -> (Double, Int) in
      var total = 0.0
      var count = 0
      for i in 0..<curves.count {
        for j in start[i]..<start[i + 1] {
          let x0 = q[3 * j]
          var line = WeightedLineFit()
          for i2 in 0..<curves.count where i2 != i {
            // The bracket k, k + 1 of x0 among the points of curve i2, by bisection.
            var lo = start[i2]
            var hi = start[i2 + 1] - 1
            guard hi > lo, q[3 * lo] <= x0, q[3 * hi] >= x0 else { continue }
            while hi - lo > 1 {
              let mid = (lo + hi) / 2
              if q[3 * mid] <= x0 { lo = mid } else { hi = mid }
            }
            line.add(x: q[3 * lo] - x0, y: q[3 * lo + 1], weight: q[3 * lo + 2])
            line.add(x: q[3 * hi] - x0, y: q[3 * hi + 1], weight: q[3 * hi + 2])
          }
          guard line.k > 0, line.isDetermined else { continue }
          let d = q[3 * j + 1] - line.intercept
          total += d * d / (1 / q[3 * j + 2] + line.interceptVariance)
          count += 1
        }
      }
      return (total, count)
    }
    guard count > 0, Double(count) >= Self.minimumOverlapFraction * Double(all), total.isFinite else {
      return
    }
    value = total / Double(count)
    pointCount = count
  }
}
