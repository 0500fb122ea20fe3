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
}
