import Foundation
import Testing

@testable import InfoGeometry

@Suite("WeightedLineFit")
struct ScalingWeightedLineFitTests {
  // Points on y = 2 − 0.5x are fitted exactly for any weights (rounding only: 1e-12).
  @Test("points on a line are reproduced for any weights")
  func exactLine() {
    let x = [-1.0, 0.5, 2, 3.5, 7]
    let y = x.map { 2 - 0.5 * $0 }
    let fit = WeightedLineFit(x: x, y: y, weights: [1, 4, 0.25, 2, 9])
    #expect(fit.isDetermined)
    #expect(abs(fit.intercept - 2) < 1e-12)
    #expect(abs(fit.slope + 0.5) < 1e-12)
  }

  // Closed form for unit weights at x = −1, 0, 1: K = 3, K_x = 0, K_xx = 2, Δ = 6, so
  // σ_b² = 2/6, σ_m² = 3/6, σ_bm = 0; with weight 4 everywhere all variances scale by 1/4.
  @Test("variances match the closed form")
  func variances() {
    let unit = WeightedLineFit(x: [-1, 0, 1], y: [0, 1, 5])
    #expect(abs(unit.interceptVariance - 1.0 / 3) < 1e-15)
    #expect(abs(unit.slopeVariance - 0.5) < 1e-15)
    #expect(unit.covariance == 0)
    #expect(abs(unit.slope - 2.5) < 1e-15)
    let heavy = WeightedLineFit(x: [-1, 0, 1], y: [0, 1, 5], weights: [4, 4, 4])
    #expect(abs(heavy.interceptVariance - 1.0 / 12) < 1e-15)
    #expect(!WeightedLineFit(x: [2, 2], y: [1, 3]).isDetermined)
  }
}
