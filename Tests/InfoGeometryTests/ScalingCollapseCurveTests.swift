import Foundation
import Testing

@testable import InfoGeometry

@Suite("CollapseCurve")
struct ScalingCollapseCurveTests {
  static func run(seed: Int, x: [Double], y: [Double], errors: [Double]? = nil) -> ScalingObservation {
    ScalingObservation(
      hiddenWidth: 8, parameterCount: 100, seed: seed, markerStep: 100, depth: 1, widthDecades: 0.5,
      curve: .init(x: x, y: y, errors: errors))
  }

  // Linear interpolation is exact for straight lines, so the mean of y = x and y = 3x + 1 on
  // different grids is 2x + 0.5 on the common range [1, 4]; the grid is the densest seed's
  // points inside it. Given errors 0.3 and 0.4: dy = √(0.09 + 0.16)/2 = 0.25.
  @Test("seeds on different grids are averaged on the common range with given errors")
  func givenErrors() throws {
    let a = Self.run(
      seed: 1, x: [0, 1, 2, 3, 4, 5], y: [0, 1, 2, 3, 4, 5], errors: [0.3, 0.3, 0.3, 0.3, 0.3, 0.3])
    let bx = [1, 1.5, 2.5, 3, 3.5, 4]
    let b = Self.run(seed: 2, x: bx, y: bx.map { 3 * $0 + 1 }, errors: bx.map { _ in 0.4 })
    let c = try CollapseCurve.average(
      [a, b], size: 8, gridSize: nil, centre: nil, halfWidth: nil, poolingHalfWidth: 2
    ).curve
    #expect(c.x == bx)
    for j in c.x.indices {
      #expect(abs(c.y[j] - (2 * c.x[j] + 0.5)) < 1e-12)
      #expect(abs(c.errors[j] - 0.25) < 1e-12)
    }
  }

  // Three seeds y = x + δ with δ = −1, 0, 1: sample variance 1 at every point (so pooling changes
  // nothing), dy = 1/√3. A uniform grid of 5 points over the window [1, 3] around centre 2.
  @Test("the spread over seeds gives dy = s/√n on a uniform grid inside the window")
  func spreadErrors() throws {
    let x = (0...8).map { Double($0) * 0.5 }
    let runs = [-1.0, 0, 1].enumerated().map { k, d in Self.run(seed: k, x: x, y: x.map { $0 + d }) }
    let c = try CollapseCurve.average(
      runs, size: 8, gridSize: 5, centre: 2, halfWidth: 1, poolingHalfWidth: 2
    ).curve
    #expect(c.x == [1, 1.5, 2, 2.5, 3])
    for j in c.x.indices {
      #expect(abs(c.y[j] - c.x[j]) < 1e-12)
      #expect(abs(c.errors[j] - 1 / sqrt(3.0)) < 1e-12)
    }
  }

  @Test("one seed without errors, or no overlap, is rejected")
  func rejections() {
    let a = Self.run(seed: 1, x: [0, 1, 2], y: [0, 1, 2])
    #expect(throws: ScalingError.missingCurveErrors(size: 8)) {
      try CollapseCurve.average([a], size: 8, gridSize: nil, centre: nil, halfWidth: nil, poolingHalfWidth: 2)
    }
    let b = Self.run(seed: 2, x: [3, 4, 5], y: [0, 1, 2])
    #expect(throws: ScalingError.noCommonRange(size: 8)) {
      try CollapseCurve.average(
        [a, b], size: 8, gridSize: nil, centre: nil, halfWidth: nil, poolingHalfWidth: 2)
    }
  }
}
