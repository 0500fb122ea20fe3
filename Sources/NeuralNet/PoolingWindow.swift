import TensorCore

/// The square window of a pooling layer over `[batch, channels, height, width]`, without padding
/// (PyTorch's default): output `(height − k)/s + 1` by `(width − k)/s + 1` (floor division).
struct PoolingWindow: Sendable {
  let kernel: Int
  let stride: Int

  /// The output shape, or a `ShapeError` for `layer` naming what does not fit.
  func outputShape(for inputShape: Shape, layer: String) throws(ShapeError) -> Shape {
    guard kernel >= 1, stride >= 1 else {
      throw ShapeError(layer: layer, problem: "needs kernel size ≥ 1 and stride ≥ 1")
    }
    guard inputShape.rank == 4 else {
      throw ShapeError(
        layer: layer, problem: "expects [batch, channels, height, width] but got \(inputShape)")
    }
    guard inputShape[2] >= kernel, inputShape[3] >= kernel else {
      throw ShapeError(
        layer: layer,
        problem:
          "window \(kernel)×\(kernel) exceeds the input \(inputShape[2])×\(inputShape[3]) of \(inputShape)")
    }
    return [
      inputShape[0], inputShape[1], (inputShape[2] - kernel) / stride + 1,
      (inputShape[3] - kernel) / stride + 1,
    ]
  }

  /// Calls `body(planes, inputSize, outputSize)` for disjoint ranges of the `batch·channels`
  /// planes, concurrently when the tensor is large enough to pay for it.
  func forPlanes(
    input inputShape: Shape, _ body: (_ planes: Range<Int>, _ inputSize: Int, _ outputSize: Int) -> Void
  ) {
    let planes = inputShape[0] * inputShape[1]
    let inputSize = inputShape[2] * inputShape[3]
    let outputSize = ((inputShape[2] - kernel) / stride + 1) * ((inputShape[3] - kernel) / stride + 1)
    Parallel.forWorkers(items: planes, workPerItem: inputSize) { _, range in
      body(range, inputSize, outputSize)
    }
  }
}
