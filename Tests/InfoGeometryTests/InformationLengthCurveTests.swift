import Testing

@testable import InfoGeometry

@Suite("InformationLengthCurve")
struct InformationLengthCurveTests {
  @Test("accepts L = 0 at the first step and integer steps")
  func accepts() throws {
    let c = try InformationLengthCurve(steps: [1, 2, 5], length: [0, 0.1, 0.4], group: "layers.0.weight")
    #expect(c.steps == [1, 2, 5])
    #expect(c.group == "layers.0.weight")
  }

  @Test("names the field and the problem in each rejection")
  func rejects() {
    #expect(throws: TransitionError.mismatchedCounts(field: "length", expected: 2, found: 1)) {
      try InformationLengthCurve(steps: [1.0, 2], length: [1])
    }
    #expect(throws: TransitionError.stepBelowOne(index: 0, found: 0)) {
      try InformationLengthCurve(steps: [0.0, 2], length: [0, 1])
    }
    #expect(throws: TransitionError.stepsNotIncreasing(index: 2, previous: 3, found: 3)) {
      try InformationLengthCurve(steps: [1.0, 3, 3], length: [0, 1, 2])
    }
    #expect(throws: TransitionError.nonPositiveLength(index: 1, found: 0)) {
      try InformationLengthCurve(steps: [1.0, 2], length: [0, 0])
    }
    #expect(throws: TransitionError.nonFinite(field: "length", index: 1)) {
      try InformationLengthCurve(steps: [1.0, 2], length: [0, .nan])
    }
    let message = TransitionError.stepsNotIncreasing(index: 2, previous: 3, found: 3).description
    #expect(message == "steps[2]: expected a step greater than 3.0, found 3.0")
  }
}
