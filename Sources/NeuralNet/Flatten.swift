import TensorCore

/// Collapses every axis after the batch: `[batch, d₁, …, dₙ] → [batch, d₁·…·dₙ]`, in row-major order
/// (as PyTorch's `nn.Flatten()`). The values are copied into a buffer of its own (a memory copy,
/// since tensors own their storage), and the backward pass copies `∂y` back in the input's shape.
public final class Flatten: Layer {
  private var inputShape: Shape?
  private var output: Tensor?
  private var inputGradient: Tensor?

  /// A flattening layer (no settings).
  public init() {}

  public func outputShape(for inputShape: Shape) throws(ShapeError) -> Shape {
    guard inputShape.rank >= 1 else {
      throw ShapeError(layer: "Flatten", problem: "expects [batch, …] but got a scalar shape []")
    }
    return [inputShape[0], inputShape.dimensions.dropFirst().reduce(1, *)]
  }

  public func forward(_ input: Tensor, mode: ForwardMode) -> Tensor {
    let shape = input.shape
    let out = Tensor.reuse(output, shape: [shape[0], shape.dimensions.dropFirst().reduce(1, *)])
    (output, inputShape) = (out, input.shape)
    out.pointer.update(from: input.pointer, count: input.count)
    return out
  }

  public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
    guard needsInputGradient else { return nil }
    guard let inputShape else { preconditionFailure("Flatten.backward before forward") }
    let dx = Tensor.reuse(inputGradient, shape: inputShape)
    inputGradient = dx
    dx.pointer.update(from: outputGradient.pointer, count: dx.count)
    return dx
  }
}
