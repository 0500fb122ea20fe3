import Testing

@testable import InfoGeometry

@Suite("TrainingMetricsSeries")
struct TrainingMetricsSeriesTests {
  @Test("rejects mismatched counts, percentages and bad steps, naming the field")
  func rejects() {
    let ok: [Double] = [0.5, 0.6, 0.7]
    #expect(throws: TransitionError.mismatchedCounts(field: "testLoss", expected: 3, found: 2)) {
      try TrainingMetricsSeries(
        steps: [1, 2, 3], trainLoss: ok, trainAccuracy: ok, testLoss: [1, 2], testAccuracy: ok)
    }
    #expect(throws: TransitionError.accuracyOutOfRange(field: "testAccuracy", index: 1, found: 97)) {
      try TrainingMetricsSeries(
        steps: [1, 2, 3], trainLoss: ok, trainAccuracy: ok, testLoss: ok, testAccuracy: [0.5, 97, 0.9])
    }
    #expect(throws: TransitionError.stepsNotIncreasing(index: 2, previous: 5, found: 4)) {
      try TrainingMetricsSeries(
        steps: [1, 5, 4], trainLoss: ok, trainAccuracy: ok, testLoss: ok, testAccuracy: ok)
    }
    #expect(throws: TransitionError.nonFinite(field: "trainLoss", index: 0)) {
      try TrainingMetricsSeries(
        steps: [1, 2, 3], trainLoss: [.nan, 1, 1], trainAccuracy: ok, testLoss: ok, testAccuracy: ok)
    }
  }
}
