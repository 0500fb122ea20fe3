import Foundation

// MARK: - Savitzky–Golay filters (cubic), half-width by generalized cross-validation

extension RegularizedDifferentiation {
  /// The polynomial degree of the Savitzky–Golay fits.
  static let savitzkyGolayDegree = 3

  /// Rounds a requested half-width to an integer in 2…(n−1)/2.
  static func savitzkyGolayClampedHalfWidth(_ m: Double, count n: Int) -> Int {
    min(max(2, Int(m.rounded())), (n - 1) / 2)
  }

  /// The least-squares cubic on the 2m+1 points j = −m…m, as the matrix G = (VᵀV)⁻¹Vᵀ with
  /// V_jl = (j/m)^l (scaled for conditioning): the coefficients of the fit are G·y.
  static func savitzkyGolayProjection(halfWidth m: Int) -> [[Double]] {
    let p = savitzkyGolayDegree + 1
    let powers = (-m...m).map { j in (0..<p).map { pow(Double(j) / Double(m), Double($0)) } }
    var normal = [Double](repeating: 0, count: p * p)
    for row in powers { for a in 0..<p { for b in 0..<p { normal[a * p + b] += row[a] * row[b] } } }
    let inverse = smallInverse(normal, size: p)
    return (0..<p).map { a in powers.map { row in (0..<p).reduce(0.0) { $0 + inverse[a * p + $1] * row[$1] } }
    }
  }

  /// Weights of the projected cubic evaluated at offset s from the window centre, for the
  /// derivative orders k = 0…derivatives−1: `w[k·(2m+1) + j + m]` gives the k-th derivative in
  /// units of one grid step.
  static func savitzkyGolayWeights(
    projection g: [[Double]], halfWidth m: Int, offset s: Int, derivatives: Int
  )
    -> [Double]
  {
    let p = savitzkyGolayDegree + 1
    let width = 2 * m + 1
    let scale = Double(m)
    let ts = Double(s) / scale
    var w = [Double](repeating: 0, count: derivatives * width)
    for k in 0..<derivatives {
      for l in k..<p {
        // d^k/dj^k of τ^l at τ_s, with dτ/dj = 1/m.
        var c = 1.0
        for r in 0..<k { c *= Double(l - r) }
        let phi = c * pow(ts, Double(l - k)) / pow(scale, Double(k))
        let row = g[l]
        var j = 0
        while j < width {
          w[k * width + j] += phi * row[j]
          j += 1
        }
      }
    }
    return w
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

  /// Savitzky–Golay value, y′ and y″ (the latter two only when `derivatives` is true), and the
  /// hat-matrix trace, for half-width m. Point i uses the window centred on it, or the first/last
  /// 2m+1 points within m of an end.
  static func savitzkyGolayFit(_ y: [Double], halfWidth m: Int, spacing h: Double, derivatives: Bool = true)
    -> (z: [Double], d1: [Double], d2: [Double], trace: Double)
  {
    let n = y.count
    let width = 2 * m + 1
    let orders = derivatives ? 3 : 1
    var out = [[Double]](repeating: [Double](repeating: 0, count: n), count: 3)
    var trace = 0.0
    let projection = savitzkyGolayProjection(halfWidth: m)
    let centre = savitzkyGolayWeights(projection: projection, halfWidth: m, offset: 0, derivatives: orders)
    let scales = [1, 1 / h, 1 / (h * h)]
    for i in 0..<n {
      let start = min(max(0, i - m), n - width)
      let s = i - (start + m)
      let w =
        s == 0
        ? centre : savitzkyGolayWeights(projection: projection, halfWidth: m, offset: s, derivatives: orders)
      for k in 0..<orders {
        var v = 0.0
        var j = 0
        while j < width {
          v += w[k * width + j] * y[start + j]
          j += 1
        }
        out[k][i] = v * scales[k]
      }
      trace += w[i - start]
    }
    return (out[0], out[1], out[2], trace)
  }

  /// The half-width m minimizing GCV(m) = n·RSS/(n − tr H)² over 2, 3, …, 8 and then steps of
  /// about 12% up to (n−1)/2.
  static func savitzkyGolayGCV(_ y: [Double]) -> Int {
    let n = y.count
    let upper = max(2, (n - 1) / 2)
    var widths: [Int] = []
    var m = 2
    while m <= upper {
      widths.append(m)
      m = max(m + 1, Int((Double(m) * 1.12).rounded()))
    }
    var best = (m: 2, score: Double.infinity)
    for m in widths {
      let fit = savitzkyGolayFit(y, halfWidth: m, spacing: 1, derivatives: false)
      let dof = max(Double(n) - fit.trace, 1e-9)
      let score = Double(n) * residualSumOfSquares(y, fit.z) / (dof * dof)
      if score < best.score { best = (m, score) }
    }
    return best.m
  }
}
