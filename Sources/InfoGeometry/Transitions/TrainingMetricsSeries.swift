/// Training metrics at evaluation steps (possibly log-spaced): the source of the overfitting
/// reference points. A separate type from `InformationLengthCurve`, so the marker never sees it.
///
/// Requirements (checked): equal counts, at least 3 steps; steps finite, ≥ 1, strictly increasing;
/// losses finite; accuracies finite fractions in [0, 1].
public struct TrainingMetricsSeries: Codable, Sendable, Equatable {
  /// Optimizer steps at which the metrics were evaluated.
  public let steps: [Double]
  /// Training loss (e.g. mean cross-entropy over the training set).
  public let trainLoss: [Double]
  /// Training accuracy as a fraction in [0, 1].
  public let trainAccuracy: [Double]
  /// Test loss.
  public let testLoss: [Double]
  /// Test accuracy as a fraction in [0, 1].
  public let testAccuracy: [Double]

  /// Validates and stores the series.
  /// - Throws: `TransitionError.mismatchedCounts`, `.tooFewPoints`, `.nonFinite`, `.stepBelowOne`,
  ///   `.stepsNotIncreasing`, `.accuracyOutOfRange`.
  public init(
    steps: [Double], trainLoss: [Double], trainAccuracy: [Double], testLoss: [Double], testAccuracy: [Double]
  ) throws(TransitionError) {
    for (name, values) in [
      ("trainLoss", trainLoss), ("trainAccuracy", trainAccuracy), ("testLoss", testLoss),
      ("testAccuracy", testAccuracy),
    ] {
      guard values.count == steps.count else {
        throw .mismatchedCounts(field: name, expected: steps.count, found: values.count)
      }
      if let i = values.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(field: name, index: i) }
    }
    guard steps.count >= 3 else { throw .tooFewPoints(field: "steps", needed: 3, found: steps.count) }
    for (i, t) in steps.enumerated() {
      guard t.isFinite else { throw .nonFinite(field: "steps", index: i) }
      guard t >= 1 else { throw .stepBelowOne(index: i, found: t) }
      if i > 0, !(t > steps[i - 1]) { throw .stepsNotIncreasing(index: i, previous: steps[i - 1], found: t) }
    }
    for (name, values) in [("trainAccuracy", trainAccuracy), ("testAccuracy", testAccuracy)] {
      if let i = values.firstIndex(where: { $0 < 0 || $0 > 1 }) {
        throw .accuracyOutOfRange(field: name, index: i, found: values[i])
      }
    }
    self.steps = steps
    self.trainLoss = trainLoss
    self.trainAccuracy = trainAccuracy
    self.testLoss = testLoss
    self.testAccuracy = testAccuracy
  }
}
