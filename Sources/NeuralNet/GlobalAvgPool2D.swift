import TensorCore

/// The mean of each channel over all positions, as PyTorch's `nn.AdaptiveAvgPool2d(1)` followed by
/// flattening:
///
/// ```
/// y[b, c] = (1/(h·w)) Σ_{i, j} x[b, c, i, j]
/// input [batch, channels, height, width] → output [batch, channels]
/// ```
public final class GlobalAvgPool2D: Layer {
  private var inputShape: Shape?
  private var output: Tensor?
  private var inputGradient: Tensor?

  /// A global average pool (no settings).
  public init() {}

  public func outputShape(for inputShape: Shape) throws(ShapeError) -> Shape {
    guard inputShape.rank == 4, inputShape[2] * inputShape[3] > 0 else {
      throw ShapeError(
        layer: "GlobalAvgPool2D",
        problem: "expects [batch, channels, height, width] with a non-empty plane but got \(inputShape)")
    }
    return [inputShape[0], inputShape[1]]
  }

  public func forward(_ input: Tensor, mode: ForwardMode) -> Tensor {
    let shape = input.shape
    let out = Tensor.reuse(output, shape: [shape[0], shape[1]])
    (output, inputShape) = (out, shape)
    let area = shape[2] * shape[3]
    let (x, y) = (input.pointer, out.pointer)
    let scale = 1 / Float(area)
    Parallel.forWorkers(items: out.count, workPerItem: area) { _, planes in
      for plane in planes {
        y[plane] = (x + plane * area).sum(count: area) * scale
      }
    }
    return out
  }

  public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
    guard needsInputGradient else { return nil }
    guard let inputShape else { preconditionFailure("GlobalAvgPool2D.backward before forward") }
    let dx = Tensor.reuse(inputGradient, shape: inputShape)
    inputGradient = dx
    let area = inputShape[2] * inputShape[3]
    let (g, dy) = (dx.pointer, outputGradient.pointer)
    let scale = 1 / Float(area)
    Parallel.forWorkers(items: outputGradient.count, workPerItem: area) { _, planes in
      for plane in planes { (g + plane * area).update(repeating: dy[plane] * scale, count: area) }
    }
    return dx
  }
}
