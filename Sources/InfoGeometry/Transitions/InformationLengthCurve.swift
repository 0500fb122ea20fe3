/// The geometry series the transition marker is computed from: information length L at optimizer
/// steps t, for one parameter group. It holds nothing else, so no test or validation data can
/// reach the marker.
///
/// Requirements (checked by the initializer): equal counts; steps finite, ≥ 1, strictly increasing
/// (possibly non-uniform); L finite, ≥ 0 at the first step and > 0 after it. L is expected to be
/// non-decreasing (it is a cumulative length); small decreases from a noisy estimator are accepted
/// and simply passed to the interpolant.
public struct InformationLengthCurve: Codable, Sendable, Equatable {
  /// Optimizer steps t (≥ 1, strictly increasing).
  public let steps: [Double]
  /// Information length L(t), dimensionless.
  public let length: [Double]
  /// The parameter group's name (e.g. "all", "layers.0.weight"); informational only.
  public let group: String

  /// Validates and stores the series.
  /// - Throws: `TransitionError.mismatchedCounts`, `.nonFinite`, `.stepBelowOne`,
  ///   `.stepsNotIncreasing`, `.nonPositiveLength`.
  public init(steps: [Double], length: [Double], group: String = "all") throws(TransitionError) {
    guard steps.count == length.count else {
      throw .mismatchedCounts(field: "length", expected: steps.count, found: length.count)
    }
    for (i, t) in steps.enumerated() {
      guard t.isFinite else { throw .nonFinite(field: "steps", index: i) }
      guard t >= 1 else { throw .stepBelowOne(index: i, found: t) }
      if i > 0, !(t > steps[i - 1]) { throw .stepsNotIncreasing(index: i, previous: steps[i - 1], found: t) }
    }
    for (i, l) in length.enumerated() {
      guard l.isFinite else { throw .nonFinite(field: "length", index: i) }
      if i == 0 ? l < 0 : !(l > 0) { throw .nonPositiveLength(index: i, found: l) }
    }
    self.steps = steps
    self.length = length
    self.group = group
  }

  /// Integer steps, converted exactly.
  public init(steps: [Int], length: [Double], group: String = "all") throws(TransitionError) {
    try self.init(steps: steps.map { Double($0) }, length: length, group: group)
  }
}
