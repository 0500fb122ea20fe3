import Foundation
import Testing

@testable import InfoGeometry

@Suite("ScalingObservation")
struct ScalingObservationTests {
  static let valid = ScalingObservation(
    hiddenWidth: 16, parameterCount: 12_730, seed: 3, markerStep: 500, depth: 0.4, widthDecades: 0.3,
    curve: .init(x: [1, 2, 3], y: [0, -1, 0]))

  @Test("invalid fields are rejected with errors that name them")
  func rejections() {
    var o = Self.valid
    o.depth = -1
    #expect(
      throws: ScalingError.invalidValue(
        field: "depth", seed: 3, size: 16, expected: "a finite value > 0", found: -1)
    ) {
      try o.validate(size: 16)
    }
    o = Self.valid
    o.curve.x = [1, 3, 2]
    #expect(throws: ScalingError.curveNotIncreasing(seed: 3, size: 16, index: 2)) { try o.validate(size: 16) }
    o = Self.valid
    o.curve.errors = [1, 1]
    #expect(
      throws: ScalingError.mismatchedCounts(field: "curve.errors", seed: 3, size: 16, expected: 3, found: 2)
    ) {
      try o.validate(size: 16)
    }
    o = Self.valid
    o.curve.y = [0, .nan, 0]
    #expect(throws: ScalingError.self) { try o.validate(size: 16) }
    #expect(Self.valid.size(.parameterCount) == 12_730)
    #expect(
      ScalingError.curveNotIncreasing(seed: 3, size: 16, index: 2).description
        == "observation (size 16.0, seed 3) curve.x[2]: expected strictly increasing x")
  }
}
