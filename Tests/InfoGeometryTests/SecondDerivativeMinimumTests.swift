import Foundation
import Testing

@testable import InfoGeometry

@Suite("SecondDerivativeMinimum")
struct SecondDerivativeMinimumTests {
  static let x = (0..<401).map { Double($0) * 0.01 }

  @Test("a Gaussian dip: centre, depth, and full width at half depth 2√(2 ln 2)·s")
  func gaussianDip() throws {
    let c = 1.7
    let s = 0.2
    let v = Self.x.map { 0.3 - 2 * exp(-pow($0 - c, 2) / (2 * s * s)) }
    let found = SecondDerivativeMinimum.search(x: Self.x, curvature: v, edgeExclusion: 5, noiseLevel: 0.5)
    let m = try #require(found.first)
    #expect(found.count == 1)
    // The grid holds the centre exactly; the bottom interval is symmetric up to rounding.
    #expect(abs(m.logStep - c) < 1e-9)
    #expect(abs(m.step - exp(c)) < 1e-8)
    // Both sides rise to 0.3 − 2e^{−(1.7/0.2)²/2} ≈ 0.3 within the range: depth 2 to 10⁻⁹.
    #expect(abs(m.depth - 2) < 1e-6)
    #expect(abs(m.value + 1.7) < 1e-12)
    // Linear interpolation of the half-depth crossings on a 0.01 grid: error ≲ h²·|v″|/|v′| ≈ 10⁻³.
    #expect(abs(m.widthDecades - 2 * sqrt(2 * log(2.0)) * s / log(10.0)) < 1e-3)
    #expect(abs(m.significance - 4) < 1e-6)
  }

  @Test("a flat-bottomed dip is placed at the centre of its plateau; deeper dips come first")
  func plateauAndOrder() throws {
    let v = Self.x.map { x -> Double in
      if x >= 1 && x <= 1.5 { return -1 }
      if x >= 3 && x <= 3.2 { return -0.4 }
      return 0
    }
    let found = SecondDerivativeMinimum.search(x: Self.x, curvature: v, edgeExclusion: 2, noiseLevel: 0.1)
    #expect(found.count == 2)
    #expect(abs(found[0].logStep - 1.25) < 1e-9)
    #expect(abs(found[0].depth - 1) < 1e-12)
    #expect(abs(found[1].logStep - 3.1) < 1e-9)
    #expect(abs(found[1].depth - 0.4) < 1e-12)
  }

  @Test("minima inside the excluded ends are ignored; prominence stops at a lower point")
  func edgesAndProminence() throws {
    // A deep dip at the left end, a shallow notch (prominence 0.1) on the slope of a wide dip.
    let v = Self.x.map { x -> Double in
      var value = -3 * exp(-x * x / 0.01) - exp(-pow(x - 2.5, 2) / 0.5)
      if abs(x - 2) < 0.055 { value -= 0.1 * (1 - abs(x - 2) / 0.055) }
      return value
    }
    let found = SecondDerivativeMinimum.search(x: Self.x, curvature: v, edgeExclusion: 20, noiseLevel: 1)
    #expect(found.allSatisfy { $0.logStep > 0.2 })
    let wide = try #require(found.first)
    #expect(abs(wide.logStep - 2.5) < 0.02)
    #expect(found.count == 2)
    #expect(found[1].depth < 0.12)
  }
}
