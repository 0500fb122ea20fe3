import Foundation

/// The y″ curve of one size for the data collapse: the mean over seeds on a common grid, with
/// one-σ errors per point.
public struct CollapseCurve: Codable, Sendable, Equatable {
  /// The size N.
  public var size: Double
  /// The common grid (ln t or log10 t), strictly increasing.
  public var x: [Double]
  /// The mean y″ over seeds at x.
  public var y: [Double]
  /// The one-σ error of the mean at x (> 0).
  public var errors: [Double]

  /// A curve from its points (the caller guarantees equal lengths, increasing x, errors > 0).
  public init(size: Double, x: [Double], y: [Double], errors: [Double]) {
    self.size = size
    self.x = x
    self.y = y
    self.errors = errors
  }

  /// The mean of the seeds' curves of one size (validated observations).
  ///
  /// The common range is the intersection of the seeds' x ranges, cut to
  /// |x − centre| ≤ halfWidth when both are given; the grid is `gridSize` uniform points over it,
  /// or (nil) the x of the seed with the most points inside it. Each curve is interpolated
  /// linearly onto the grid. The errors of the mean:
  /// - every seed gives errors: dy = √(Σ_s e_s²)/n (errors interpolated linearly);
  /// - otherwise, n ≥ 2 seeds: dy_j = s_j/√n with s_j² the sample variance over seeds pooled over
  ///   the grid points j − poolingHalfWidth … j + poolingHalfWidth;
  /// - one seed without errors: `ScalingError.missingCurveErrors`.
  /// Errors are floored at 10⁻¹²·max|y| so that identical seeds do not give zero errors.
  /// Also returns each seed's interpolated values (`seedValues[s][j]`), from which the bootstrap
  /// forms resampled means on the same grid.
  static func average(
    _ runs: [ScalingObservation], size: Double, gridSize: Int?, centre: Double?, halfWidth: Double?,
    poolingHalfWidth: Int
  ) throws(ScalingError) -> (curve: CollapseCurve, seedValues: [[Double]]) {
    guard !runs.isEmpty else { throw .tooFew(what: "seeds of size \(size)", needed: 1, found: 0) }
    var lo = runs.map { $0.curve.x[0] }.max() ?? 0
    var hi = runs.map { $0.curve.x[$0.curve.x.count - 1] }.min() ?? 0
    if let c = centre, let w = halfWidth {
      lo = max(lo, c - w)
      hi = min(hi, c + w)
    }
    let grid: [Double]
    if let g = gridSize {
      grid = hi > lo ? (0..<g).map { lo + (hi - lo) * Double($0) / Double(g - 1) } : []
    } else {
      grid =
        runs.map { $0.curve.x.filter { $0 >= lo && $0 <= hi } }.max { $0.count < $1.count } ?? []
    }
    guard grid.count >= 2 else { throw .noCommonRange(size: size) }
    let values = runs.map { interpolate($0.curve.x, $0.curve.y, at: grid) }
    let n = Double(runs.count)
    let mean = grid.indices.map { j in values.reduce(0) { $0 + $1[j] } / n }
    var errors: [Double]
    if runs.allSatisfy({ $0.curve.errors != nil }) {
      let e = runs.map { interpolate($0.curve.x, $0.curve.errors ?? [], at: grid) }
      errors = grid.indices.map { j in sqrt(e.reduce(0) { $0 + $1[j] * $1[j] }) / n }
    } else {
      guard runs.count >= 2 else { throw .missingCurveErrors(size: size) }
      let squares = grid.indices.map { j in values.reduce(0) { $0 + ($1[j] - mean[j]) * ($1[j] - mean[j]) } }
      errors = grid.indices.map { j in
        let window = max(0, j - poolingHalfWidth)...min(grid.count - 1, j + poolingHalfWidth)
        let variance = window.reduce(0) { $0 + squares[$1] } / (Double(window.count) * (n - 1))
        return sqrt(variance / n)
      }
    }
    let floor = max(1e-12 * (mean.map(abs).max() ?? 0), Double.leastNormalMagnitude)
    errors = errors.map { max($0, floor) }
    return (CollapseCurve(size: size, x: grid, y: mean, errors: errors), values)
  }

  /// Piecewise-linear interpolation of (x, y) at increasing `points` inside [x₀, x_{n−1}].
  static func interpolate(_ x: [Double], _ y: [Double], at points: [Double]) -> [Double] {
    var k = 0
    return points.map { t in
      while k + 2 < x.count, x[k + 1] < t { k += 1 }
      let f = (t - x[k]) / (x[k + 1] - x[k])
      return y[k] + min(1, max(0, f)) * (y[k + 1] - y[k])
    }
  }
}
