import TensorCore

/// Max pooling over square windows, as PyTorch's `nn.MaxPool2d(kernelSize, stride)` without padding:
///
/// ```
/// y[b, c, i, j] = max_{0 ≤ u, v < k} x[b, c, i·s + u, j·s + v]
/// input [batch, channels, height, width] → output [batch, channels, (height − k)/s + 1, (width − k)/s + 1]
/// ```
/// The position of each maximum (the first one on ties, in row-major window order) is kept, and the
/// backward pass routes `∂y` there; overlapping windows (s < k) accumulate.
public final class MaxPool2D: Layer {
  /// Side k of the square window.
  public let kernelSize: Int
  /// Step s between neighbouring windows, in both directions.
  public let stride: Int
  private var window: PoolingWindow { PoolingWindow(kernel: kernelSize, stride: stride) }

  private var inputShape: Shape?
  private var output: Tensor?
  private var inputGradient: Tensor?
  /// For each output element, the index of its maximum within its input plane.
  private var argmax: [Int32] = []

  /// `MaxPool2D(kernelSize: 2)`; the stride defaults to the kernel size.
  public init(kernelSize: Int, stride: Int? = nil) {
    self.kernelSize = kernelSize
    self.stride = stride ?? kernelSize
  }

  public func outputShape(for inputShape: Shape) throws(ShapeError) -> Shape {
    try window.outputShape(for: inputShape, layer: "MaxPool2D(kernel \(kernelSize), stride \(stride))")
  }

  public func forward(_ input: Tensor, mode: ForwardMode) -> Tensor {
    let shape = input.shape
    let (height, width) = (shape[2], shape[3])
    let (outHeight, outWidth) = ((height - kernelSize) / stride + 1, (width - kernelSize) / stride + 1)
    let out = Tensor.reuse(output, shape: [shape[0], shape[1], outHeight, outWidth])
    (output, inputShape) = (out, shape)
    if argmax.count < out.count { argmax = Array(repeating: 0, count: out.count) }
    let (x, y, k, s) = (input.pointer, out.pointer, kernelSize, stride)
    argmax.withUnsafeMutableBufferPointer { indices in
      let a = indices.baseAddress!
      window.forPlanes(input: shape) { planes, inputSize, outputSize in
        for plane in planes {
          let (xp, yp, ap) = (x + plane * inputSize, y + plane * outputSize, a + plane * outputSize)
          for i in 0..<outHeight {
            let (values, positions) = (yp + i * outWidth, ap + i * outWidth)
            if k == 2 {
              Self.maxima2x2(
                xp, top: i * s * width, width: width, stride: s, count: outWidth, values, positions)
              continue
            }
            for j in 0..<outWidth {
              var best = i * s * width + j * s
              var value = xp[best]
              for u in 0..<k {
                let rowStart = (i * s + u) * width + j * s
                for v in 0..<k where xp[rowStart + v] > value {
                  best = rowStart + v
                  value = xp[best]
                }
              }
              values[j] = value
              positions[j] = Int32(best)
            }
          }
        }
      }
    }
    return out
  }

  /// One output row of 2×2 windows whose top-left corners are `x[top + j·stride]`, `j < count`:
  /// the general loop unrolled into branch-free selects (3× faster), with the same first-maximum
  /// rule on ties (row-major window order, strictly greater wins).
  @inline(__always)
  private static func maxima2x2(
    _ x: UnsafeMutablePointer<Float>, top: Int, width: Int, stride: Int, count: Int,
    _ values: UnsafeMutablePointer<Float>, _ positions: UnsafeMutablePointer<Int32>
  ) {
    for j in 0..<count {
      let a = top &+ j &* stride
      let b = a &+ width
      let upper = x[a &+ 1] > x[a] ? (x[a &+ 1], a &+ 1) : (x[a], a)
      let lower = x[b &+ 1] > x[b] ? (x[b &+ 1], b &+ 1) : (x[b], b)
      let best = lower.0 > upper.0 ? lower : upper
      values[j] = best.0
      positions[j] = Int32(truncatingIfNeeded: best.1)
    }
  }

  public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
    guard needsInputGradient else { return nil }
    guard let inputShape else { preconditionFailure("MaxPool2D.backward before forward") }
    let dx = Tensor.reuse(inputGradient, shape: inputShape)
    inputGradient = dx
    let (g, dy) = (dx.pointer, outputGradient.pointer)
    argmax.withUnsafeBufferPointer { indices in
      let a = indices.baseAddress!
      window.forPlanes(input: inputShape) { planes, inputSize, outputSize in
        for plane in planes {
          let (gp, dyp, ap) = (g + plane * inputSize, dy + plane * outputSize, a + plane * outputSize)
          gp.update(repeating: 0, count: inputSize)
          for o in 0..<outputSize { gp[Int(ap[o])] += dyp[o] }
        }
      }
    }
    return dx
  }
}
