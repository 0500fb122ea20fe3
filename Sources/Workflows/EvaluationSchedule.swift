import Foundation

/// The optimizer steps at which the trainer evaluates loss and accuracy on the full sets.
///
/// Step 0 (the initial network) and the last step are always included. `logSpaced` puts
/// `perDecade` points in every decade of t, rounded to whole steps, which suits an analysis in log t.
public enum EvaluationSchedule: Codable, Equatable, Sendable {
  case every(Int)
  case logSpaced(perDecade: Int)

  /// The sorted evaluation steps for a run of `totalSteps` steps.
  public func steps(totalSteps: Int) -> [Int] {
    var steps: Set<Int> = [0, totalSteps]
    switch self {
    case .every(let k):
      steps.formUnion(stride(from: max(1, k), through: totalSteps, by: max(1, k)))
    case .logSpaced(let perDecade):
      let decades = log10(Double(max(totalSteps, 1)))
      let points = Int((decades * Double(max(1, perDecade))).rounded(.up))
      for i in 0...max(points, 0) {
        let t = Int(pow(10, Double(i) / Double(max(1, perDecade))).rounded())
        if t <= totalSteps { steps.insert(t) }
      }
    }
    return steps.filter { $0 <= totalSteps }.sorted()
  }

  /// Parses `every:K` or `log:N`.
  public init?(parsing text: String) {
    let parts = text.split(separator: ":")
    guard parts.count == 2, let n = Int(parts[1]), n > 0 else { return nil }
    switch parts[0] {
    case "every": self = .every(n)
    case "log": self = .logSpaced(perDecade: n)
    default: return nil
    }
  }

  public var text: String {
    switch self {
    case .every(let k): "every:\(k)"
    case .logSpaced(let n): "log:\(n)"
    }
  }
}
