import Foundation

/// A named selection of a model's parameter tensors whose values are analysed together as one density.
///
/// A group resolves against the ordered list of tensor names (`layers.0.weight`, `layers.0.bias`, …) to
/// the indices of the tensors it contains, in their order. ``eachTensor`` expands to one group per tensor.
public enum ParameterGroup: Sendable, Hashable, CustomStringConvertible {
  /// All trainable parameters together (name "all").
  case all
  /// Tensors whose name ends in `.weight` (or is `weight`); name "weights".
  case weights
  /// Tensors whose name ends in `.bias` (or is `bias`); name "biases".
  case biases
  /// One group per tensor, named after the tensor.
  case eachTensor
  /// The tensor with exactly this name.
  case tensor(String)
  /// Tensors matching a pattern: a glob (`*` any run of characters, `?` one character) when the pattern
  /// contains `*` or `?`, else a substring. The group is named after the pattern.
  case pattern(String)

  /// The text form accepted by ``init(parsing:)``.
  public var description: String {
    switch self {
    case .all: "all"
    case .weights: "weights"
    case .biases: "biases"
    case .eachTensor: "each"
    case .tensor(let name): "tensor:\(name)"
    case .pattern(let p): p
    }
  }

  /// Parses `all`, `weights`, `biases`, `each` (one group per tensor), `tensor:NAME` (exact name), or
  /// anything else as a pattern (glob with `*`/`?`, otherwise substring).
  public init(parsing text: String) throws(GeometryError) {
    switch text {
    case "":
      throw .invalidConfiguration(
        "group: expected all, weights, biases, each, tensor:NAME or a pattern; got an empty string")
    case "all": self = .all
    case "weights": self = .weights
    case "biases": self = .biases
    case "each": self = .eachTensor
    default:
      if text.hasPrefix("tensor:") {
        self = .tensor(String(text.dropFirst("tensor:".count)))
      } else {
        self = .pattern(text)
      }
    }
  }

  /// Parses a comma-separated list of groups, e.g. `all,weights,biases`.
  public static func parseList(_ text: String) throws(GeometryError) -> [ParameterGroup] {
    var groups: [ParameterGroup] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      groups.append(try ParameterGroup(parsing: part.trimmingCharacters(in: .whitespaces)))
    }
    return groups
  }

  /// The named index sets this group stands for over `tensorNames` (several for ``eachTensor``).
  /// Throws ``GeometryError/emptyGroup(_:)`` when nothing matches.
  public func resolve(against tensorNames: [String]) throws(GeometryError) -> [(name: String, tensors: [Int])]
  {
    let indices = Array(tensorNames.indices)
    switch self {
    case .eachTensor:
      guard !tensorNames.isEmpty else { throw .emptyGroup("each: the model has no tensors") }
      return indices.map { (tensorNames[$0], [$0]) }
    default:
      let chosen = indices.filter { matches(tensorNames[$0]) }
      guard !chosen.isEmpty else {
        throw .emptyGroup("\(description): none of \(tensorNames.count) tensor names matches")
      }
      return [(name, chosen)]
    }
  }

  private var name: String {
    switch self {
    case .tensor(let n): n
    default: description
    }
  }

  private func matches(_ tensorName: String) -> Bool {
    switch self {
    case .all, .eachTensor: true
    case .weights: tensorName == "weight" || tensorName.hasSuffix(".weight")
    case .biases: tensorName == "bias" || tensorName.hasSuffix(".bias")
    case .tensor(let n): tensorName == n
    case .pattern(let p):
      p.contains("*") || p.contains("?")
        ? Self.glob(Array(p.utf8), Array(tensorName.utf8)) : tensorName.contains(p)
    }
  }

  /// Glob match with `*` and `?` over bytes, by iterative backtracking to the last star.
  static func glob(_ pattern: [UInt8], _ text: [UInt8]) -> Bool {
    var p = 0
    var t = 0
    var star = -1
    var mark = 0
    while t < text.count {
      if p < pattern.count && (pattern[p] == UInt8(ascii: "?") || pattern[p] == text[t]) {
        p += 1
        t += 1
      } else if p < pattern.count && pattern[p] == UInt8(ascii: "*") {
        star = p
        mark = t
        p += 1
      } else if star >= 0 {
        p = star + 1
        mark += 1
        t = mark
      } else {
        return false
      }
    }
    while p < pattern.count && pattern[p] == UInt8(ascii: "*") { p += 1 }
    return p == pattern.count
  }
}
