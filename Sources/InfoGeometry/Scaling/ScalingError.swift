/// Why a scaling analysis (or its inputs) was rejected.
public enum ScalingError: Error, CustomStringConvertible, Equatable, Sendable {
  /// No observations at all.
  case noObservations
  /// A value of an observation is NaN, infinite or out of its range.
  case invalidValue(field: String, seed: Int, size: Double, expected: String, found: Double)
  /// Two arrays of one curve that must have one entry per point differ in length.
  case mismatchedCounts(field: String, seed: Int, size: Double, expected: Int, found: Int)
  /// A curve's x values are not strictly increasing.
  case curveNotIncreasing(seed: Int, size: Double, index: Int)
  /// Too few sizes, seeds or points for what was asked.
  case tooFew(what: String, needed: Int, found: Int)
  /// The curves of one size do not overlap in x (after the window).
  case noCommonRange(size: Double)
  /// A size has one seed and no caller-given curve errors, so dy cannot be estimated.
  case missingCurveErrors(size: Double)
  /// An option outside its documented range.
  case invalidOption(name: String, expected: String, found: Double)

  public var description: String {
    switch self {
    case .noObservations:
      "observations: expected at least one scaling observation, found none"
    case .invalidValue(let field, let seed, let size, let expected, let found):
      "observation (size \(size), seed \(seed)) \(field): expected \(expected), found \(found)"
    case .mismatchedCounts(let field, let seed, let size, let expected, let found):
      "observation (size \(size), seed \(seed)) \(field): expected \(expected) values (one per curve point), "
        + "found \(found)"
    case .curveNotIncreasing(let seed, let size, let index):
      "observation (size \(size), seed \(seed)) curve.x[\(index)]: expected strictly increasing x"
    case .tooFew(let what, let needed, let found):
      "\(what): expected at least \(needed), found \(found)"
    case .noCommonRange(let size):
      "curves of size \(size): expected the seeds' curves to overlap in x, found no common range"
    case .missingCurveErrors(let size):
      "curves of size \(size): one seed and no curve.errors, so the point errors dy cannot be estimated"
    case .invalidOption(let name, let expected, let found):
      "option \(name): expected \(expected), found \(found)"
    }
  }
}
