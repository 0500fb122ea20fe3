/// Why a transition analysis (or its inputs) was rejected.
public enum TransitionError: Error, CustomStringConvertible, Equatable, Sendable {
  /// Two arrays that must have one entry per step differ in length.
  case mismatchedCounts(field: String, expected: Int, found: Int)
  /// Too few usable points.
  case tooFewPoints(field: String, needed: Int, found: Int)
  /// A value is NaN or infinite.
  case nonFinite(field: String, index: Int)
  /// Steps must be ≥ 1 and strictly increasing.
  case stepsNotIncreasing(index: Int, previous: Double, found: Double)
  /// A step below 1 (log t needs t ≥ 1).
  case stepBelowOne(index: Int, found: Double)
  /// Information length must be > 0 after the first step.
  case nonPositiveLength(index: Int, found: Double)
  /// An accuracy outside [0, 1] (accuracies are fractions, not percentages).
  case accuracyOutOfRange(field: String, index: Int, found: Double)
  /// An option outside its documented range.
  case invalidOption(name: String, expected: String, found: Double)

  public var description: String {
    switch self {
    case .mismatchedCounts(let field, let expected, let found):
      "\(field): expected \(expected) values (one per step), found \(found)"
    case .tooFewPoints(let field, let needed, let found):
      "\(field): expected at least \(needed) usable points, found \(found)"
    case .nonFinite(let field, let index):
      "\(field)[\(index)]: expected a finite number"
    case .stepsNotIncreasing(let index, let previous, let found):
      "steps[\(index)]: expected a step greater than \(previous), found \(found)"
    case .stepBelowOne(let index, let found):
      "steps[\(index)]: expected a step ≥ 1, found \(found)"
    case .nonPositiveLength(let index, let found):
      "length[\(index)]: expected information length > 0 after the first step, found \(found)"
    case .accuracyOutOfRange(let field, let index, let found):
      "\(field)[\(index)]: expected an accuracy fraction in [0, 1], found \(found)"
    case .invalidOption(let name, let expected, let found):
      "option \(name): expected \(expected), found \(found)"
    }
  }
}
