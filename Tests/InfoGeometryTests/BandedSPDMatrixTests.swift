import Foundation
import Testing

@testable import InfoGeometry

@Suite("BandedSPDMatrix")
struct BandedSPDMatrixTests {
  /// The dense form of I + λ·Dᵀ·diag(w)·D built entry by entry from the difference matrix.
  static func dense(lambda: Double, order q: Int, weights: [Double], n: Int) -> [[Double]] {
    let c = BandedSPDMatrix.differenceCoefficients(order: q)
    var a = (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }
    for r in 0..<(n - q) {
      for s in 0...q { for u in 0...q { a[r + s][r + u] += lambda * weights[r] * c[s] * c[u] } }
    }
    return a
  }

  /// Gauss–Jordan inverse with partial pivoting (the independent oracle).
  static func inverse(_ m: [[Double]]) -> [[Double]] {
    let n = m.count
    var a = m
    var inv = (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }
    for c in 0..<n {
      let p = (c..<n).max { abs(a[$0][c]) < abs(a[$1][c]) } ?? c
      a.swapAt(c, p)
      inv.swapAt(c, p)
      let d = a[c][c]
      for k in 0..<n {
        a[c][k] /= d
        inv[c][k] /= d
      }
      for r in 0..<n where r != c {
        let f = a[r][c]
        for k in 0..<n {
          a[r][k] -= f * a[c][k]
          inv[r][k] -= f * inv[c][k]
        }
      }
    }
    return inv
  }

  @Test("difference coefficients are the signed binomials")
  func coefficients() {
    #expect(BandedSPDMatrix.differenceCoefficients(order: 2) == [1, -2, 1])
    #expect(BandedSPDMatrix.differenceCoefficients(order: 3) == [-1, 3, -3, 1])
    #expect(BandedSPDMatrix.difference([0, 1, 4, 9, 16], order: 2) == [2, 2, 2])
  }

  @Test("solve and the diagonal of the inverse agree with a dense inverse", arguments: [2, 3])
  func againstDense(order q: Int) {
    let n = 23
    var g = TransitionTestNoise(seed: UInt64(q))
    let weights = (0..<(n - q)).map { _ in 0.1 + g.uniform() }
    let b = (0..<n).map { _ in g.normal() }
    var a = BandedSPDMatrix(identityPlus: 7.5, differenceOrder: q, weights: weights, order: n)
    let factorized = a.factorize()
    #expect(factorized)
    let inv = Self.inverse(Self.dense(lambda: 7.5, order: q, weights: weights, n: n))
    let x = a.solve(b)
    let diagonal = a.inverseDiagonal()
    for i in 0..<n {
      let expected = (0..<n).reduce(0) { $0 + inv[i][$1] * b[$1] }
      // Both are backward-stable solves of a matrix with condition number ≲ 10⁴ here: agreement
      // to 10⁻⁹ leaves a wide margin over 10⁴·ε.
      #expect(abs(x[i] - expected) < 1e-9 * (1 + abs(expected)))
      #expect(abs(diagonal[i] - inv[i][i]) < 1e-9)
    }
  }
}
