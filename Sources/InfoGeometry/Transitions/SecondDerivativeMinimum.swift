import Foundation

/// A local minimum of y″ = d²(ln L)/d(ln t)², a candidate transition marker.
public struct SecondDerivativeMinimum: Codable, Sendable, Equatable {
  /// The step t of the minimum: the centre of its bottom (the contiguous stretch around the lowest
  /// grid point where y″ ≤ value + depth/10, ends linearly interpolated), which equals the argmin
  /// for a smooth dip and the plateau centre for a flat one.
  public var step: Double
  /// ln of `step`.
  public var logStep: Double
  /// y″ at the lowest grid point of the dip.
  public var value: Double
  /// The dip's prominence: min(highest y″ on the left, highest y″ on the right) − value, each side
  /// searched up to the nearest lower point or the end of the search range.
  public var depth: Double
  /// The full width of the dip at half its depth, in decades of t.
  public var widthDecades: Double
  /// depth / noise level of y″ (see `TransitionAnalysis.noiseLevel`).
  public var significance: Double

  /// The noise level significances are measured against: the larger of `propagated` (the
  /// residual's noise carried through the method) and the robust spread of y″ itself over the
  /// searched range, 1.4826·median|y″ − median y″|, floored at 10⁻¹²·max|y″| so that significances
  /// stay finite. The propagated noise alone presumes independent residuals; on a cumulative series
  /// they are small and correlated, and every wiggle of y″ would look significant.
  static func noiseLevel(curvature v: [Double], edgeExclusion: Int, propagated: Double) -> Double {
    let lo = min(max(0, edgeExclusion), v.count)
    let hi = max(lo, v.count - edgeExclusion)
    let inside = Array(v[lo..<hi])
    let centre = RegularizedDifferentiation.median(inside)
    let spread = 1.4826 * RegularizedDifferentiation.median(inside.map { abs($0 - centre) })
    let scale = v.reduce(0) { max($0, abs($1)) }
    return max(propagated, spread, 1e-12 * scale, Double.leastNormalMagnitude)
  }

  /// All local minima of `curvature` with positive depth inside
  /// [edgeExclusion, n − 1 − edgeExclusion], most pronounced (deepest) first.
  static func search(
    x: [Double], curvature v: [Double], edgeExclusion: Int, noiseLevel: Double
  ) -> [SecondDerivativeMinimum] {
    let lo = edgeExclusion
    let hi = v.count - 1 - edgeExclusion
    guard hi - lo >= 2 else { return [] }
    var found: [SecondDerivativeMinimum] = []
    var i = lo + 1
    while i < hi {
      // A run of equal values [i, j] that is lower than both neighbours is one minimum.
      var j = i
      while j + 1 < hi, v[j + 1] == v[i] { j += 1 }
      if v[i] < v[i - 1], v[j] < v[j + 1] {
        var leftMax = v[i]
        var k = i - 1
        while k >= lo, v[k] >= v[i] {
          leftMax = max(leftMax, v[k])
          k -= 1
        }
        var rightMax = v[i]
        k = j + 1
        while k <= hi, v[k] >= v[i] {
          rightMax = max(rightMax, v[k])
          k += 1
        }
        let depth = min(leftMax, rightMax) - v[i]
        if depth > 0 {
          let bottom = crossings(x: x, v: v, from: i, to: j, level: v[i] + depth / 10, lo: lo, hi: hi)
          let half = crossings(x: x, v: v, from: i, to: j, level: v[i] + depth / 2, lo: lo, hi: hi)
          let centre = (bottom.left + bottom.right) / 2
          found.append(
            SecondDerivativeMinimum(
              step: exp(centre), logStep: centre, value: v[i], depth: depth,
              widthDecades: (half.right - half.left) / log(10.0), significance: depth / noiseLevel))
        }
      }
      i = j + 1
    }
    return found.sorted { $0.depth > $1.depth }
  }

  /// Where v first rises to `level` left of index `from` and right of index `to` (linear
  /// interpolation between grid points; the search-range end if it never does).
  private static func crossings(
    x: [Double], v: [Double], from a: Int, to b: Int, level: Double, lo: Int, hi: Int
  ) -> (left: Double, right: Double) {
    var left = x[lo]
    var k = a
    while k > lo {
      if v[k - 1] >= level {
        left = x[k - 1] + (x[k] - x[k - 1]) * (v[k - 1] - level) / (v[k - 1] - v[k])
        break
      }
      k -= 1
    }
    var right = x[hi]
    k = b
    while k < hi {
      if v[k + 1] >= level {
        right = x[k] + (x[k + 1] - x[k]) * (level - v[k]) / (v[k + 1] - v[k])
        break
      }
      k += 1
    }
    return (left, right)
  }
}
