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
    lower = [Double](repeating: 0, count: n * (q + 1))
    for j in 0..<n { lower[j * (q + 1)] = 1 }
    let c = Self.differenceCoefficients(order: q)
    let rows = max(0, n - q)
    for r in 0..<rows {
      let w = lambda * (weights?[r] ?? 1)
      for a in 0...q {
        for b in 0...a {
          lower[(r + b) * (q + 1) + (a - b)] += w * c[a] * c[b]
        }
      }
    }
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
    guard z.count > q else { return [] }
    return (0..<(z.count - q)).map { r in (0...q).reduce(0.0) { $0 + c[$1] * z[r + $1] } }
  }

  /// Overwrites the band with L (strictly lower part) and D (diagonal). Returns false when a pivot
  /// is not positive (the matrix is not positive definite to working precision).
  mutating func factorize() -> Bool {
    let n = order
    let p = bandwidth
    let w = p + 1
    return lower.withUnsafeMutableBufferPointer { a in
      for j in 0..<n {
        var d = a[j * w]
        let k0 = max(0, j - p)
        for k in stride(from: k0, to: j, by: 1) {
          let ljk = a[k * w + (j - k)]
          d -= ljk * ljk * a[k * w]
        }
        guard d > 0, d.isFinite else { return false }
        a[j * w] = d
        let iMax = min(n - 1, j + p)
        if iMax > j {
          for i in (j + 1)...iMax {
            var s = a[j * w + (i - j)]
            for k in stride(from: max(0, i - p), to: j, by: 1) {
              s -= a[k * w + (i - k)] * a[k * w + (j - k)] * a[k * w]
            }
            a[j * w + (i - j)] = s / d
          }
        }
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
    lower.withUnsafeBufferPointer { a in
      x.withUnsafeMutableBufferPointer { x in
        for i in 0..<n {
          var s = x[i]
          for k in stride(from: max(0, i - p), to: i, by: 1) { s -= a[k * w + (i - k)] * x[k] }
          x[i] = s
        }
        for i in 0..<n { x[i] /= a[i * w] }
        for i in stride(from: n - 1, through: 0, by: -1) {
          var s = x[i]
          let kMax = min(n - 1, i + p)
          if kMax > i {
            for k in (i + 1)...kMax { s -= a[i * w + (k - i)] * x[k] }
          }
          x[i] = s
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
    func entry(_ i: Int, _ j: Int) -> Double {
      i <= j ? sigma[i * w + (j - i)] : sigma[j * w + (i - j)]
    }
    for i in stride(from: n - 1, through: 0, by: -1) {
      let kMax = min(n - 1, i + p)
      if kMax > i {
        for j in stride(from: kMax, through: i + 1, by: -1) {
          var s = 0.0
          for k in (i + 1)...kMax { s -= lower[i * w + (k - i)] * entry(k, j) }
          sigma[i * w + (j - i)] = s
        }
      }
      var s = 1 / lower[i * w]
      if kMax > i {
        for k in (i + 1)...kMax { s -= lower[i * w + (k - i)] * sigma[i * w + (k - i)] }
      }
      sigma[i * w] = s
    }
    return (0..<n).map { sigma[$0 * w] }
  }
}
