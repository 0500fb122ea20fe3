import TensorCore

/// A trainable tensor and the gradient of the loss with respect to it.
///
/// A class because its identity is shared: the layer that uses it, the optimizer that updates it and
/// the observers that read it all hold the same object, and read its storage in place.
public final class Parameter: @unchecked Sendable {
  /// The current values.
  public let value: Tensor
  /// ∂loss/∂value from the latest backward pass (same shape as `value`).
  public let gradient: Tensor

  public init(_ value: Tensor) {
    self.value = value
    gradient = Tensor(zeros: value.shape)
  }

  public var shape: Shape { value.shape }
}

/// A parameter with its stable dotted name inside a model, e.g. `layers.0.weight`.
public struct NamedParameter: Sendable {
  public var name: String
  public var parameter: Parameter

  public init(_ name: String, _ parameter: Parameter) {
    self.name = name
    self.parameter = parameter
  }

  /// The same parameter with `prefix.` before its name.
  public func prefixed(_ prefix: String) -> NamedParameter {
    NamedParameter(prefix + "." + name, parameter)
  }
}
