/// A symmetric positive-definite band matrix of order `n` and half-bandwidth `p`, factorized as
/// A = L·D·Lᵀ (L unit lower triangular with the same band, D diagonal).
///
/// Storage: `lower[j·(p+1) + d] = A[j+d][j]` for d = 0…p. Factorization, solve, and the band of
/// A⁻¹ (Takahashi's recursion) each cost O(n·p²).
struct BandedSPDMatrix {
  let order: Int
  let bandwidth: Int
  private(set) var lower: [Double]

  /// The matrix I + λ·Dᵀ·diag(w)·D, with D the (n−q)×n difference matrix of order q
  /// (row r holds the binomial coefficients (−1)^(q−s)·C(q, s) at columns r…r+q).
  init(identityPlus lambda: Double, differenceOrder q: Int, weights: [Double]?, order n: Int) {
    order = n
    bandwidth = q
    let w = q + 1
    let c = Self.differenceCoefficients(order: q)
    var band = [Double](repeating: 0, count: n * w)
    band.withUnsafeMutableBufferPointer { band in
      for j in 0..<n { band[j * w] = 1 }
      for r in 0..<max(0, n - q) {
        let scale = lambda * (weights?[r] ?? 1)
        for a in 0...q {
          for b in 0...a { band[(r + b) * w + (a - b)] += scale * c[a] * c[b] }
        }
      }
    }
    lower = band
  }

  /// Coefficients of the forward difference of order q: (−1)^(q−s)·C(q, s), s = 0…q.
  static func differenceCoefficients(order q: Int) -> [Double] {
    var c = [Double](repeating: 0, count: q + 1)
    var binomial = 1.0
    for s in 0...q {
      c[s] = ((q - s) % 2 == 0 ? 1 : -1) * binomial
      binomial = binomial * Double(q - s) / Double(s + 1)
    }
    return c
  }

  /// Applies the order-q difference to `z`: (Dz)_r = Σ_s c_s·z_{r+s}, r = 0…n−q−1.
  static func difference(_ z: [Double], order q: Int) -> [Double] {
    let c = differenceCoefficients(order: q)
    let rows = z.count - q
    guard rows > 0 else { return [] }
    var d = [Double](repeating: 0, count: rows)
    z.withUnsafeBufferPointer { z in
      d.withUnsafeMutableBufferPointer { d in
        for r in 0..<rows {
          var s = 0.0
          for k in 0...q { s += c[k] * z[r + k] }
          d[r] = s
        }
      }
    }
    return d
  }

  /// Overwrites the band with L (strictly lower part) and D (diagonal). Returns false when a pivot
  /// is not positive (the matrix is not positive definite to working precision).
  mutating func factorize() -> Bool {
    let n = order
    let p = bandwidth
    let w = p + 1
    return lower.withUnsafeMutableBufferPointer { buffer in
      guard let a = buffer.baseAddress else { return false }
      var j = 0
      while j < n {
        var d = a[j * w]
        var k = max(0, j - p)
        while k < j {
          let ljk = a[k * w + (j - k)]
          d -= ljk * ljk * a[k * w]
          k += 1
        }
        guard d > 0, d.isFinite else { return false }
        a[j * w] = d
        var i = j + 1
        let iMax = min(n - 1, j + p)
        while i <= iMax {
          var s = a[j * w + (i - j)]
          k = max(0, i - p)
          while k < j {
            s -= a[k * w + (i - k)] * a[k * w + (j - k)] * a[k * w]
            k += 1
          }
          a[j * w + (i - j)] = s / d
          i += 1
        }
        j += 1
      }
      return true
    }
  }

  /// Solves A·x = b with a factorized matrix.
  func solve(_ b: [Double]) -> [Double] {
    let n = order
    let p = bandwidth
    let w = p + 1
    var x = b
    lower.withUnsafeBufferPointer { band in
      x.withUnsafeMutableBufferPointer { solution in
        guard let a = band.baseAddress, let x = solution.baseAddress else { return }
        var i = 0
        while i < n {
          var s = x[i]
          var k = max(0, i - p)
          while k < i {
            s -= a[k * w + (i - k)] * x[k]
            k += 1
          }
          x[i] = s
          i += 1
        }
        i = 0
        while i < n {
          x[i] /= a[i * w]
          i += 1
        }
        i = n - 1
        while i >= 0 {
          var s = x[i]
          var k = i + 1
          let kMax = min(n - 1, i + p)
          while k <= kMax {
            s -= a[i * w + (k - i)] * x[k]
            k += 1
          }
          x[i] = s
          i -= 1
        }
      }
    }
    return x
  }

  /// The diagonal of A⁻¹ of a factorized matrix, by Takahashi's recursion
  /// Σ_ij = δ_ij/D_i − Σ_{k=i+1}^{i+p} L_ki·Σ_kj, run from i = n−1 down over the band only.
  func inverseDiagonal() -> [Double] {
    let n = order
    let p = bandwidth
    let w = p + 1
    // sigma[i·w + d] = Σ_{i, i+d}
    var sigma = [Double](repeating: 0, count: n * w)
    lower.withUnsafeBufferPointer { band in
      sigma.withUnsafeMutableBufferPointer { inverse in
        guard let a = band.baseAddress, let sg = inverse.baseAddress else { return }
        var i = n - 1
        while i >= 0 {
          let kMax = min(n - 1, i + p)
          var j = kMax
          while j > i {
            var s = 0.0
            var k = i + 1
            while k <= kMax {
              s -= a[i * w + (k - i)] * (k <= j ? sg[k * w + (j - k)] : sg[j * w + (k - j)])
              k += 1
            }
            sg[i * w + (j - i)] = s
            j -= 1
          }
          var s = 1 / a[i * w]
          var k = i + 1
          while k <= kMax {
            s -= a[i * w + (k - i)] * sg[i * w + (k - i)]
            k += 1
          }
          sg[i * w] = s
          i -= 1
        }
      }
    }
    return (0..<n).map { sigma[$0 * w] }
  }
}
