import Foundation
import Testing

@testable import InfoGeometry

@Suite("DataCollapse")
struct ScalingDataCollapseTests {
  static let family = ScalingSyntheticFamily()

  // Coverage: over noise seeds 1–5 at least 4 of 5 fits lie within 2 reported standard errors of
  // the truth, for each of x_c, ν, ζ (over 40 seeds the RMS of z = (fit − truth)/error was 0.94,
  // 0.87, 1.08, see `DataCollapse`; with z ~ N(0, 1), P(≥ 4 of 5 within 2) = 0.98). The start is
  // off the truth in every parameter.
  @Test("the collapse recovers x_c, ν and ζ within their reported errors")
  func coverage() throws {
    var within = [0, 0, 0]
    for noiseSeed: UInt64 in 1...5 {
      let curves = try ScalingCollapseQualityTests.curves(noiseSeed: noiseSeed)
      let start = CollapseParameters(criticalX: Self.family.criticalX + 0.02, nu: 1.5, zeta: 0.4)
      let fit = try #require(
        DataCollapse.fit(curves, start: start, minimizer: ScalingOptions().minimizer, replicates: []))
      #expect(fit.converged)
      // S at the minimum is at most S at the truth, which is about 1 (see CollapseQualityTests).
      #expect(fit.quality < 1.4)
      let truth = Self.family.truth.vector
      for (k, e) in [fit.criticalX, fit.nu, fit.zeta].enumerated() {
        let error = try #require(e.standardError)
        if abs(e.value - truth[k]) <= 2 * error { within[k] += 1 }
      }
      // The scaled curves follow the formula with raw N.
      let last = try #require(fit.scaledCurves.last)
      let c = try #require(fit.curves.last)
      #expect(
        abs(last.x[0] - (c.x[0] - fit.parameters.criticalX) * pow(c.size, 1 / fit.parameters.nu)) < 1e-9)
      #expect(abs(last.y[0] - c.y[0] * pow(c.size, -fit.parameters.zeta)) < 1e-9)
    }
    #expect(within.allSatisfy { $0 >= 4 }, "within 2σ per parameter: \(within)")
  }

  // M·M⁻¹ = I to rounding for a well-conditioned SPD matrix; an indefinite one is refused.
  @Test("3×3 symmetric inverse")
  func inverse() throws {
    let m: [[Double]] = [[4, 1, 0.5], [1, 3, 0.2], [0.5, 0.2, 2]]
    let inv = try #require(DataCollapse.invertSymmetric3(m))
    for i in 0..<3 {
      for j in 0..<3 {
        let p = (0..<3).reduce(0) { $0 + m[i][$1] * inv[$1][j] }
        #expect(abs(p - (i == j ? 1 : 0)) < 1e-14)
      }
    }
    #expect(DataCollapse.invertSymmetric3([[1, 2, 0], [2, 1, 0], [0, 0, 1]]) == nil)
  }

  static func bowl(_ v: [Double]) -> Double {
    let d = [v[0] - 1, v[1] + 2, v[2] - 0.5]
    return 3 + 2 * d[0] * d[0] + d[1] * d[1] + 0.5 * d[2] * d[2] + 0.6 * d[0] * d[1] + 0.2 * d[1] * d[2]
  }

  // A quadratic is fitted exactly by the 25-point least squares (rounding: 1e-9 relative to the
  // curvatures of order 1 at steps 0.1), and the Newton refinement lands on its minimum.
  @Test("the quadratic model and the refinement are exact on a quadratic")
  func quadraticModel() throws {
    let model = try #require(
      DataCollapse.quadraticModel(Self.bowl, centre: [0, 0, 0], scale: [0.1, 0.2, 0.3]))
    #expect(abs(model.value - Self.bowl([0, 0, 0])) < 1e-9)
    // ∇ at 0, where d = (−1, 2, −0.5): (4d₀ + 0.6d₁, 2d₁ + 0.6d₀ + 0.2d₂, d₂ + 0.2d₁).
    let gradient = [-4 + 1.2, 4 - 0.6 - 0.1, -0.5 + 0.4]
    let hessian: [[Double]] = [[4, 0.6, 0], [0.6, 2, 0.2], [0, 0.2, 1]]
    for a in 0..<3 {
      #expect(abs(model.gradient[a] - gradient[a]) < 1e-9)
      for b in 0..<3 { #expect(abs(model.hessian[a][b] - hessian[a][b]) < 1e-9) }
    }
    let refined = DataCollapse.refine(Self.bowl, from: [0.9, -1.9, 0.4], scale: [0.1, 0.2, 0.3])
    for (k, v) in [1.0, -2, 0.5].enumerated() { #expect(abs(refined.centre[k] - v) < 1e-9) }
  }

  // The bowl plus a comb of narrow pits (depth 0.02, period 0.013 in the first coordinate) whose
  // deepest point near the minimum is off it: Nelder–Mead from nearby ends in a pit; the
  // refinement at a scale spanning many pits returns to within 0.01 of the bowl's minimum x = 1
  // (the comb averages to a constant over a stencil of ±2h, h = 0.1, up to ~1%).
  @Test("the refinement finds the smoothed minimum of a rough function")
  func roughMinimum() {
    func rough(_ v: [Double]) -> Double {
      Self.bowl(v) - 0.02 * pow(cos(2 * Double.pi * (v[0] - 0.97) / 0.013), 40)
    }
    let pit = NelderMead(valueTolerance: 1e-12, pointTolerance: 1e-9).minimize(
      from: [0.97, -2, 0.5], steps: [0.001, 0.01, 0.01], rough)
    #expect(abs(pit.point[0] - 1) > 0.02)
    let refined = DataCollapse.refine(rough, from: pit.point, scale: [0.1, 0.2, 0.3])
    #expect(abs(refined.centre[0] - 1) < 0.01)
  }

  // A 4×4 system with a known solution, and a singular one.
  @Test("Gaussian elimination with pivoting")
  func linearSystem() throws {
    let a: [[Double]] = [[0, 2, 1, 0], [1, 1, 0, 3], [2, 0, 1, 1], [1, 3, 2, 1]]
    let x = [1.0, -1, 2, 0.5]
    let b = a.map { row in zip(row, x).reduce(0) { $0 + $1.0 * $1.1 } }
    let solved = try #require(DataCollapse.solveLinearSystem(a, b))
    for k in 0..<4 { #expect(abs(solved[k] - x[k]) < 1e-12) }
    #expect(DataCollapse.solveLinearSystem([[1, 2], [2, 4]], [1, 2]) == nil)
  }
}
