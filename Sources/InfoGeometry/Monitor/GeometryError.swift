/// Errors of the information-geometry module; each message names the offending input and what was expected.
public enum GeometryError: Error, CustomStringConvertible, Equatable {
  /// A grid specification that cannot describe bins.
  case invalidGrid(String)
  /// A configuration value out of range or unparsable (option name, value, expectation).
  case invalidConfiguration(String)
  /// A group specification that matches no tensor.
  case emptyGroup(String)
  /// Tensors passed to `observe` or to the offline analysis that do not match the declared layout.
  case layoutMismatch(String)

  public var description: String {
    switch self {
    case .invalidGrid(let m): "invalid histogram grid: \(m)"
    case .invalidConfiguration(let m): "invalid geometry configuration: \(m)"
    case .emptyGroup(let m): "parameter group matches no tensor: \(m)"
    case .layoutMismatch(let m): "tensor layout mismatch: \(m)"
    }
  }
}
