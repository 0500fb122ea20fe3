import TensorCore

/// A 2-D convolution (cross-correlation, as in PyTorch's `nn.Conv2d`) with a square kernel, equal
/// strides and zero padding on all four sides:
///
/// ```
/// y[b, o, i, j] = bias[o] + Σ_{c, u, v} weight[o, c, u, v] · x[b, c, i·s − p + u, j·s − p + v]
///
/// input  [batch, inputChannels, height, width]
/// weight [outputChannels, inputChannels, k, k]
/// bias   [outputChannels]
/// output [batch, outputChannels, (height + 2p − k)/s + 1, (width + 2p − k)/s + 1]   (floor division)
/// ```
/// Computed per sample as one GEMM on the unfolded input (im2col): `y_b = W · cols_b`, with `W`
/// viewed as `[outputChannels, inputChannels·k·k]` and `cols_b` as `[inputChannels·k·k, oh·ow]`.
/// The backward pass unfolds each sample again (cheap next to the GEMMs, and it keeps the scratch
/// memory at one `cols` per core instead of one per sample) and takes `∂W = Σ_b ∂y_b · cols_bᵀ`,
/// `∂cols_b = Wᵀ · ∂y_b`, folded back onto `∂x_b` (col2im). Samples are split over the cores in
/// contiguous chunks (OpenBLAS runs single-threaded inside each worker); per-sample GEMMs beat one
/// GEMM per chunk here, because a sample's `cols` and output stay in cache. The per-worker weight
/// gradients are summed in a fixed order, so results do not depend on timing.
/// Initialized like PyTorch (fan_in = inputChannels·k·k) unless another `Initializer` is given.
public final class Conv2D: Layer {
  /// Channels C of the input.
  public let inputChannels: Int
  /// Channels O of the output (the number of filters).
  public let outputChannels: Int
  /// Side k of the square kernel.
  public let kernelSize: Int
  /// Step s between neighbouring windows, in both directions.
  public let stride: Int
  /// Zeros p added on each side of both spatial axes.
  public let padding: Int
  /// The filters, `[O, C, k, k]`.
  public let weight: Parameter
  /// One offset per output channel, `[O]`, or nil without bias.
  public let bias: Parameter?

  private var input: Tensor?
  private var output: Tensor?
  private var inputGradient: Tensor?
  /// Per-worker scratch for one sample's `cols`, then its `∂cols`: `[workers, C·k·k, oh·ow]`.
  private var columns: Tensor?
  /// Per-worker partial weight and bias gradients, `[workers, O·C·k·k + O]`.
  private var partialGradients: Tensor?

  /// `Conv2D(inputChannels: 1, outputChannels: 32, kernelSize: 3, generator: &g)`.
  public init(
    inputChannels: Int, outputChannels: Int, kernelSize: Int, stride: Int = 1, padding: Int = 0,
    bias: Bool = true, initializer: Initializer = .pytorchDefault, generator: inout RandomGenerator
  ) {
    self.inputChannels = inputChannels
    self.outputChannels = outputChannels
    self.kernelSize = kernelSize
    self.stride = stride
    self.padding = padding
    weight = Parameter(Tensor(zeros: [outputChannels, inputChannels, kernelSize, kernelSize]))
    self.bias = bias ? Parameter(Tensor(zeros: [outputChannels])) : nil
    let area = kernelSize * kernelSize
    let fans = Fans(input: inputChannels * area, output: outputChannels * area)
    initializer.fillWeight(weight.value, fans: fans, generator: &generator)
    if let b = self.bias { initializer.fillBias(b.value, fans: fans, generator: &generator) }
  }

  public var parameters: [NamedParameter] {
    [NamedParameter("weight", weight)] + (bias.map { [NamedParameter("bias", $0)] } ?? [])
  }

  var name: String {
    "Conv2D(\(inputChannels)→\(outputChannels), kernel \(kernelSize), stride \(stride), padding \(padding))"
  }

  public func outputShape(for inputShape: Shape) throws(ShapeError) -> Shape {
    guard kernelSize >= 1, stride >= 1, padding >= 0 else {
      throw ShapeError(
        layer: name, problem: "needs kernel size ≥ 1, stride ≥ 1 and padding ≥ 0")
    }
    guard inputShape.rank == 4, inputShape[1] == inputChannels else {
      throw ShapeError(
        layer: name,
        problem: "expects [batch, \(inputChannels), height, width] but got \(inputShape)")
    }
    let (height, width) = (inputShape[2] + 2 * padding, inputShape[3] + 2 * padding)
    guard height >= kernelSize, width >= kernelSize else {
      throw ShapeError(
        layer: name,
        problem:
          "kernel \(kernelSize)×\(kernelSize) exceeds the padded input \(height)×\(width) of \(inputShape)")
    }
    return [
      inputShape[0], outputChannels, (height - kernelSize) / stride + 1, (width - kernelSize) / stride + 1,
    ]
  }

  private func geometry(_ inputShape: Shape) -> ConvolutionGeometry {
    ConvolutionGeometry(
      channels: inputChannels, height: inputShape[2], width: inputShape[3],
      kernel: kernelSize, stride: stride, padding: padding)
  }

  public func forward(_ input: Tensor, mode: ForwardMode) -> Tensor {
    let g = geometry(input.shape)
    let batch = input.shape[0]
    let (rows, positions) = (g.columnRows, g.outputHeight * g.outputWidth)
    let out = Tensor.reuse(output, shape: [batch, outputChannels, g.outputHeight, g.outputWidth])
    let work = workPerSample(g)
    let workers = Parallel.workerCount(items: batch, workPerItem: work)
    let cols = Tensor.reuse(columns, shape: [workers, rows, positions])
    (output, columns, self.input) = (out, cols, input)

    let (x, y, c, w) = (input.pointer, out.pointer, cols.pointer, weight.value.pointer)
    let b = bias?.value.pointer
    let (inputSize, outputSize) = (input.count / max(batch, 1), outputChannels * positions)
    let outputChannels = outputChannels
    withWorkers(batch: batch, workPerSample: work) { worker, samples in
      let col = c + worker * rows * positions
      for s in samples {
        let ys = y + s * outputSize
        g.unfold(x + s * inputSize, into: col)
        if let b {
          for o in 0..<outputChannels { (ys + o * positions).update(repeating: b[o], count: positions) }
        }
        BLAS.gemm(
          m: outputChannels, n: positions, k: rows, a: w, b: col, beta: b == nil ? 0 : 1, c: ys)
      }
    }
    return out
  }

  public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
    guard let input else { preconditionFailure("Conv2D.backward before forward") }
    let g = geometry(input.shape)
    let batch = input.shape[0]
    let (rows, positions) = (g.columnRows, g.outputHeight * g.outputWidth)
    let work = workPerSample(g)
    let workers = Parallel.workerCount(items: batch, workPerItem: work)
    let weightCount = weight.value.count
    let partialSize = weightCount + outputChannels
    let partials = Tensor.reuse(partialGradients, shape: [workers, partialSize])
    let cols = Tensor.reuse(columns, shape: [workers, rows, positions])
    (partialGradients, columns) = (partials, cols)
    let dx: Tensor? = needsInputGradient ? Tensor.reuse(inputGradient, shape: input.shape) : nil
    if let dx { inputGradient = dx }

    let (x, dy, c, w, p) = (
      input.pointer, outputGradient.pointer, cols.pointer, weight.value.pointer, partials.pointer
    )
    let dxp = dx?.pointer
    let inputSize = input.count / max(batch, 1)
    let outputChannels = outputChannels
    let hasBias = bias != nil
    withWorkers(batch: batch, workPerSample: work) { worker, samples in
      let dw = p + worker * partialSize
      let db = dw + weightCount
      let col = c + worker * rows * positions
      dw.update(repeating: 0, count: partialSize)
      for s in samples {
        let dys = dy + s * outputChannels * positions
        // ∂W += ∂y_s · cols_sᵀ
        g.unfold(x + s * inputSize, into: col)
        BLAS.gemm(
          transposeB: true, m: outputChannels, n: rows, k: positions, a: dys, b: col, beta: 1, c: dw)
        if hasBias {
          for o in 0..<outputChannels { db[o] += (dys + o * positions).sum(count: positions) }
        }
        guard let dxp else { continue }
        // ∂cols_s = Wᵀ · ∂y_s (over cols_s, no longer needed), folded back onto ∂x_s
        BLAS.gemm(transposeA: true, m: rows, n: positions, k: outputChannels, a: w, b: dys, c: col)
        g.fold(col, into: dxp + s * inputSize)
      }
    }
    let dW = weight.gradient.pointer
    dW.update(from: p, count: weightCount)
    for worker in 1..<workers {
      let part = p + worker * partialSize
      for i in 0..<weightCount { dW[i] += part[i] }
    }
    if let bias {
      let dB = bias.gradient.pointer
      dB.update(from: p + weightCount, count: outputChannels)
      for worker in 1..<workers {
        let part = p + worker * partialSize + weightCount
        for o in 0..<outputChannels { dB[o] += part[o] }
      }
    }
    return dx
  }

  /// Multiply-adds of one sample's forward GEMM, which sizes the split over cores.
  private func workPerSample(_ g: ConvolutionGeometry) -> Int {
    g.columnRows * g.outputHeight * g.outputWidth * outputChannels
  }

  /// Runs `body` over contiguous ranges of samples on `Parallel.workerCount(…)` workers, with
  /// OpenBLAS single-threaded while more than one worker runs (the cores are already busy).
  private func withWorkers(
    batch: Int, workPerSample work: Int, _ body: (_ worker: Int, _ samples: Range<Int>) -> Void
  ) {
    guard Parallel.workerCount(items: batch, workPerItem: work) > 1 else {
      body(0, 0..<batch)
      return
    }
    SingleThreadedBLAS.run { Parallel.forWorkers(items: batch, workPerItem: work, body) }
  }
}
