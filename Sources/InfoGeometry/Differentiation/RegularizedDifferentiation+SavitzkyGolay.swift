import Foundation

// MARK: - Savitzky–Golay filters (cubic), half-width by generalized cross-validation

extension RegularizedDifferentiation {
  /// The polynomial degree of the Savitzky–Golay fits.
  static let savitzkyGolayDegree = 3

  /// Rounds a requested half-width to an integer in 2…(n−1)/2.
  static func savitzkyGolayClampedHalfWidth(_ m: Double, count n: Int) -> Int {
    min(max(2, Int(m.rounded())), (n - 1) / 2)
  }

  /// Weights of the least-squares cubic on the 2m+1 points j = −m…m, evaluated at offset s:
  /// `w[k][j+m]` gives the k-th derivative (k = 0, 1, 2) in units of one grid step.
  static func savitzkyGolayWeights(halfWidth m: Int, offset s: Int) -> [[Double]] {
    let p = savitzkyGolayDegree + 1
    let scale = Double(m)
    // Normal matrix of the basis τ^l, τ = j/m (scaled for conditioning).
    var normal = [Double](repeating: 0, count: p * p)
    for j in -m...m {
      let t = Double(j) / scale
      for a in 0..<p { for b in 0..<p { normal[a * p + b] += pow(t, Double(a + b)) } }
    }
    let inverse = smallInverse(normal, size: p)
    let ts = Double(s) / scale
    // Derivatives of τ^l at τ_s, converted to grid units (dτ/dj = 1/m).
    let basis: [[Double]] = (0..<3).map { k in
      (0..<p).map { l in
        guard l >= k else { return 0 }
        var c = 1.0
        for r in 0..<k { c *= Double(l - r) }
        return c * pow(ts, Double(l - k)) / pow(scale, Double(k))
      }
    }
    return basis.map { phi in
      (-m...m).map { j in
        let t = Double(j) / scale
        var w = 0.0
        for a in 0..<p {
          var g = 0.0
          for b in 0..<p { g += inverse[a * p + b] * pow(t, Double(b)) }
          w += phi[a] * g
        }
        return w
      }
    }
  }

  /// Gauss–Jordan inverse of a small symmetric positive-definite matrix.
  static func smallInverse(_ a: [Double], size p: Int) -> [Double] {
    var m = a
    var inv = [Double](repeating: 0, count: p * p)
    for i in 0..<p { inv[i * p + i] = 1 }
    for c in 0..<p {
      let pivot = m[c * p + c]
      for k in 0..<p {
        m[c * p + k] /= pivot
        inv[c * p + k] /= pivot
      }
      for r in 0..<p where r != c {
        let f = m[r * p + c]
        for k in 0..<p {
          m[r * p + k] -= f * m[c * p + k]
          inv[r * p + k] -= f * inv[c * p + k]
        }
      }
    }
    return inv
  }

  /// Savitzky–Golay value, y′ and y″, and the hat-matrix trace, for half-width m. Point i uses the
  /// window centred on it, or the first/last 2m+1 points within m of an end.
  static func savitzkyGolayFit(_ y: [Double], halfWidth m: Int, spacing h: Double)
    -> (z: [Double], d1: [Double], d2: [Double], trace: Double)
  {
    let n = y.count
    var z = [Double](repeating: 0, count: n)
    var d1 = z
    var d2 = z
    var trace = 0.0
    let centre = savitzkyGolayWeights(halfWidth: m, offset: 0)
    for i in 0..<n {
      let start = min(max(0, i - m), n - 2 * m - 1)
      let s = i - (start + m)
      let w = s == 0 ? centre : savitzkyGolayWeights(halfWidth: m, offset: s)
      var v = (0.0, 0.0, 0.0)
      for j in 0...(2 * m) {
        let yj = y[start + j]
        v.0 += w[0][j] * yj
        v.1 += w[1][j] * yj
        v.2 += w[2][j] * yj
      }
      z[i] = v.0
      d1[i] = v.1 / h
      d2[i] = v.2 / (h * h)
      trace += w[0][i - start]
    }
    return (z, d1, d2, trace)
  }

  /// The half-width m ∈ 2…min((n−1)/2, n/4 + 2) minimizing GCV(m) = n·RSS/(n − tr H)².
  static func savitzkyGolayGCV(_ y: [Double]) -> Int {
    let n = y.count
    let upper = max(2, min((n - 1) / 2, n / 4 + 2))
    var best = (m: 2, score: Double.infinity)
    for m in 2...upper {
      let fit = savitzkyGolayFit(y, halfWidth: m, spacing: 1)
      let dof = max(Double(n) - fit.trace, 1e-9)
      let score = Double(n) * residualSumOfSquares(y, fit.z) / (dof * dof)
      if score < best.score { best = (m, score) }
    }
    return best.m
  }
}
