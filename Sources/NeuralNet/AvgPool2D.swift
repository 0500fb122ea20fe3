import TensorCore

/// Average pooling over square windows, as PyTorch's `nn.AvgPool2d(kernelSize, stride)` without
/// padding:
///
/// ```
/// y[b, c, i, j] = (1/k²) Σ_{0 ≤ u, v < k} x[b, c, i·s + u, j·s + v]
/// input [batch, channels, height, width] → output [batch, channels, (height − k)/s + 1, (width − k)/s + 1]
/// ```
/// The backward pass spreads `∂y/k²` over each window; overlapping windows (s < k) accumulate.
public final class AvgPool2D: Layer {
  /// Side k of the square window.
  public let kernelSize: Int
  /// Step s between neighbouring windows, in both directions.
  public let stride: Int
  private var window: PoolingWindow { PoolingWindow(kernel: kernelSize, stride: stride) }

  private var inputShape: Shape?
  private var output: Tensor?
  private var inputGradient: Tensor?

  /// `AvgPool2D(kernelSize: 2)`; the stride defaults to the kernel size.
  public init(kernelSize: Int, stride: Int? = nil) {
    self.kernelSize = kernelSize
    self.stride = stride ?? kernelSize
  }

  public func outputShape(for inputShape: Shape) throws(ShapeError) -> Shape {
    try window.outputShape(for: inputShape, layer: "AvgPool2D(kernel \(kernelSize), stride \(stride))")
  }

  public func forward(_ input: Tensor, mode: ForwardMode) -> Tensor {
    let shape = input.shape
    let (height, width) = (shape[2], shape[3])
    let (outHeight, outWidth) = ((height - kernelSize) / stride + 1, (width - kernelSize) / stride + 1)
    let out = Tensor.reuse(output, shape: [shape[0], shape[1], outHeight, outWidth])
    (output, inputShape) = (out, shape)
    let (x, y, k, s) = (input.pointer, out.pointer, kernelSize, stride)
    let scale = 1 / Float(k * k)
    window.forPlanes(input: shape) { planes, inputSize, outputSize in
      for plane in planes {
        let (xp, yp) = (x + plane * inputSize, y + plane * outputSize)
        // One output row at a time, the window offsets in the outer loops, the outputs inner.
        for i in 0..<outHeight {
          let sums = yp + i * outWidth
          sums.update(repeating: 0, count: outWidth)
          for u in 0..<k {
            for v in 0..<k {
              let start = xp + (i * s + u) * width + v
              for j in 0..<outWidth { sums[j] += start[j &* s] }
            }
          }
          for j in 0..<outWidth { sums[j] *= scale }
        }
      }
    }
    return out
  }

  public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
    guard needsInputGradient else { return nil }
    guard let inputShape else { preconditionFailure("AvgPool2D.backward before forward") }
    let dx = Tensor.reuse(inputGradient, shape: inputShape)
    inputGradient = dx
    let (height, width) = (inputShape[2], inputShape[3])
    let (outHeight, outWidth) = ((height - kernelSize) / stride + 1, (width - kernelSize) / stride + 1)
    let (g, dy, k, s) = (dx.pointer, outputGradient.pointer, kernelSize, stride)
    let scale = 1 / Float(k * k)
    window.forPlanes(input: inputShape) { planes, inputSize, outputSize in
      for plane in planes {
        let (gp, dyp) = (g + plane * inputSize, dy + plane * outputSize)
        gp.update(repeating: 0, count: inputSize)
        for i in 0..<outHeight {
          let shares = dyp + i * outWidth
          for u in 0..<k {
            for v in 0..<k {
              let start = gp + (i * s + u) * width + v
              for j in 0..<outWidth { start[j &* s] += shares[j] * scale }
            }
          }
        }
      }
    }
    return dx
  }
}
