import Foundation
import Testing

@testable import InfoGeometry

@Suite("NelderMead")
struct ScalingNelderMeadTests {
  static func rosenbrock(_ p: [Double]) -> Double {
    100 * (p[1] - p[0] * p[0]) * (p[1] - p[0] * p[0]) + (1 - p[0]) * (1 - p[0])
  }

  // The minimum is (1, 1) with value 0. With the point tolerance 10⁻⁸ the simplex ends within a
  // few 10⁻⁸ of it; 10⁻⁶ leaves room for the curved valley's ill-conditioning (condition ~2500).
  @Test("Rosenbrock from (−1.2, 1) reaches (1, 1)")
  func rosenbrockMinimum() {
    let result = NelderMead().minimize(from: [-1.2, 1], steps: [0.1, 0.1], Self.rosenbrock)
    #expect(result.converged)
    #expect(abs(result.point[0] - 1) < 1e-6)
    #expect(abs(result.point[1] - 1) < 1e-6)
    #expect(result.value < 1e-12)
  }

  // f(p) = (p − m)ᵀA(p − m) + 3 with A symmetric positive definite (eigenvalues 0.5…4, axes rotated
  // by the off-diagonal terms): the minimum is m exactly, value 3.
  @Test("a rotated anisotropic quadratic in four dimensions")
  func quadratic() {
    let m = [0.5, -2, 3, 1]
    let a: [[Double]] = [[4, 1, 0, 0.5], [1, 3, 0.5, 0], [0, 0.5, 2, 0.3], [0.5, 0, 0.3, 0.5]]
    func f(_ p: [Double]) -> Double {
      let d = zip(p, m).map { $0 - $1 }
      var s = 3.0
      for i in 0..<4 { for j in 0..<4 { s += d[i] * a[i][j] * d[j] } }
      return s
    }
    let result = NelderMead(valueTolerance: 1e-14, pointTolerance: 1e-9).minimize(
      from: [0, 0, 0, 0], steps: [1, 1, 1, 1], f)
    #expect(result.converged)
    // The point tolerance is 10⁻⁹ on the simplex; at the smallest eigenvalue 0.5 the value spread
    // 10⁻¹⁴ allows |δ| ≈ 1.4·10⁻⁷, so 10⁻⁶ bounds the distance to m.
    for k in 0..<4 { #expect(abs(result.point[k] - m[k]) < 1e-6) }
    #expect(abs(result.value - 3) < 1e-12)
  }

  @Test("deterministic, the iteration cap is honoured, and NaN regions are avoided")
  func capAndDeterminism() {
    let first = NelderMead().minimize(from: [-1.2, 1], steps: [0.1, 0.1], Self.rosenbrock)
    let second = NelderMead().minimize(from: [-1.2, 1], steps: [0.1, 0.1], Self.rosenbrock)
    #expect(first == second)
    let capped = NelderMead(maximumIterations: 5).minimize(
      from: [-1.2, 1], steps: [0.1, 0.1], Self.rosenbrock)
    #expect(!capped.converged)
    #expect(capped.iterations == 5)
    // A parabola with minimum at 2 that is undefined (NaN) for p < 1: the search starts at 5 and
    // must end at 2 without ever accepting a NaN.
    let walled = NelderMead().minimize(from: [5], steps: [-3]) { p in
      p[0] < 1 ? .nan : (p[0] - 2) * (p[0] - 2)
    }
    #expect(abs(walled.point[0] - 2) < 1e-6)
  }
}
