import Foundation
import Testing

@testable import InfoGeometry

@Suite("CollapseQuality")
struct ScalingCollapseQualityTests {
  static let family = ScalingSyntheticFamily()

  static func curves(noiseSeed: UInt64) throws -> [CollapseCurve] {
    let runs = family.observations(seeds: 4, noiseSeed: noiseSeed, givenErrors: true)
    return try Dictionary(grouping: runs, by: \.hiddenWidth).sorted { $0.key < $1.key }.map {
      try CollapseCurve.average(
        $0.value, size: $0.key, gridSize: nil, centre: nil, halfWidth: nil, poolingHalfWidth: 2
      )
      .curve
    }
  }

  // Hand computation. Curves A (N = 1): (0, 0), (1, 1), (2, 2) and B (N = 4): (0.5, 1), (1.5, 2),
  // all dy = 1; ν = 1, ζ = 0, x_c = 0, N_ref = 2, so x′ = x·N/2: A at 0, 0.5, 1; B at 1, 3.
  // A's points: x′ = 1 is bracketed by B's (1, 3) (the interval is closed) → the line through
  // B's two points, Y = 1 at x′ = 1, dY² = σ_b² of the two-point fit centred at x′ = 1:
  // K = 2, K_u = 2, K_uu = 4, Δ = 4, σ_b² = 1; term (2 − 1)²/(1 + 1) = 0.5. A's other points lie
  // outside [1, 3]. B's points: x′ = 1 lies in A's last interval [0.5, 1] → line through
  // (0.5, 1), (1, 2): Y = 2, σ_b² at u = 0 with u = −0.5, 0: K = 2, K_u = −0.5, K_uu = 0.25,
  // Δ = 0.25, σ_b² = 1; term (1 − 2)²/2 = 0.5. x′ = 3 is outside A. S = (0.5 + 0.5)/2 = 0.5, 𝒩 = 2.
  @Test("a two-curve example computed by hand")
  func handExample() {
    let a = CollapseCurve(size: 1, x: [0, 1, 2], y: [0, 1, 2], errors: [1, 1, 1])
    let b = CollapseCurve(size: 4, x: [0.5, 1.5], y: [1, 2], errors: [1, 1])
    let q = CollapseQuality(
      curves: [a, b], parameters: .init(criticalX: 0, nu: 1, zeta: 0), referenceSize: 2)
    #expect(q.pointCount == 2)
    #expect(abs(q.value - 0.5) < 1e-12)
  }

  // S is a mean of squared normalized residuals: with the true dy, about 1 at the true
  // exponents. Measured 0.97–1.21 over noise seeds 1–5 (𝒩 ≈ 200); the band [0.7, 1.4] allows the
  // sampling spread of a mean of ~200 correlated terms. Away from the truth (ν·1.3 or x_c + 0.05,
  // about one dip width of the largest size) S is measured > 20; 5 is "clearly larger".
  @Test("S ≈ 1 at the true exponents and clearly larger away from them", arguments: [UInt64(1), 2, 3])
  func qualityAtTruth(noiseSeed: UInt64) throws {
    let curves = try Self.curves(noiseSeed: noiseSeed)
    let truth = Self.family.truth
    let atTruth = CollapseQuality(curves: curves, parameters: truth, referenceSize: 64)
    #expect(atTruth.value > 0.7 && atTruth.value < 1.4)
    var wrongNu = truth
    wrongNu.nu *= 1.3
    var wrongX = truth
    wrongX.criticalX += 0.05
    var wrongZeta = truth
    wrongZeta.zeta += 0.2
    for p in [wrongNu, wrongX, wrongZeta] {
      #expect(CollapseQuality(curves: curves, parameters: p, referenceSize: 64).value > 5)
    }
    // N_ref only rescales x′ and y′ by constants: S is unchanged up to rounding.
    let other = CollapseQuality(curves: curves, parameters: truth, referenceSize: 3.7)
    #expect(abs(other.value - atTruth.value) < 1e-9 * atTruth.value)
    #expect(other.pointCount == atTruth.pointCount)
  }

  @Test("ν ≤ 0 and curves without overlap score +∞")
  func invalid() {
    let a = CollapseCurve(size: 1, x: [0, 1], y: [0, 1], errors: [1, 1])
    let b = CollapseCurve(size: 2, x: [5, 6], y: [0, 1], errors: [1, 1])
    #expect(
      CollapseQuality(curves: [a, a], parameters: .init(criticalX: 0, nu: -1, zeta: 0), referenceSize: 1)
        .value == .infinity)
    #expect(
      CollapseQuality(curves: [a, b], parameters: .init(criticalX: 0, nu: 1, zeta: 0), referenceSize: 1).value
        == .infinity)
  }
}
