import TensorCore

/// Whether a forward pass is part of training (dropout active, batch statistics) or inference.
public enum ForwardMode: Sendable {
  case training
  case inference
}

/// Why a layer cannot take an input of some shape.
public struct ShapeError: Error, CustomStringConvertible, Sendable {
  public var layer: String
  public var problem: String

  public init(layer: String, problem: String) {
    self.layer = layer
    self.problem = problem
  }

  public var description: String { "\(layer): \(problem)" }
}

/// A differentiable map from a batch of inputs to a batch of outputs.
///
/// Shapes include the batch as the first axis: `[batch, features]` or `[batch, channels, height, width]`.
/// Layers own their output and input-gradient buffers and reuse them from step to step, so a
/// training step allocates nothing once the first batch has been seen. A returned tensor stays valid
/// until the next call of the same method.
public protocol Layer: AnyObject {
  /// The trainable parameters in a fixed order, named relative to this layer (`weight`, `bias`,
  /// `layers.0.weight`).
  var parameters: [NamedParameter] { get }

  /// The output shape for an input shape, or a `ShapeError` naming what does not fit.
  func outputShape(for inputShape: Shape) throws(ShapeError) -> Shape

  /// Computes the output for `input`; keeps what `backward` needs.
  func forward(_ input: Tensor, mode: ForwardMode) -> Tensor

  /// Given ∂loss/∂output for the latest forward pass, sets the gradients of this layer's parameters
  /// (overwriting them) and returns ∂loss/∂input, or `nil` when `needsInputGradient` is false (the
  /// first layer of a model skips that product).
  func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor?
}

extension Layer {
  public var parameters: [NamedParameter] { [] }

  /// The total number of trainable scalars.
  public var parameterCount: Int { parameters.reduce(0) { $0 + $1.parameter.value.count } }
}
