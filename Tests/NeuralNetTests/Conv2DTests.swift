import NeuralNet
import TensorCore
import Testing

/// One convolution configuration: input `[batch, channels, size, size]`, `filters` outputs.
struct ConvCase: Sendable, CustomTestStringConvertible {
  var batch = 2, channels = 3, size = 7, filters = 4, kernel = 3, stride = 1, padding = 0, bias = true
  var testDescription: String {
    "[\(batch),\(channels),\(size),\(size)] k\(kernel) s\(stride) p\(padding)\(bias ? "" : " no bias")"
  }
}

@Suite("Conv2D")
struct Conv2DTests {
  static let cases = [
    ConvCase(),
    ConvCase(stride: 2, padding: 1),
    ConvCase(batch: 3, channels: 2, size: 6, filters: 5, kernel: 2, stride: 3, padding: 2, bias: false),
    ConvCase(batch: 5, channels: 1, size: 9, filters: 3, kernel: 5, stride: 1, padding: 2),
  ]

  /// `y[b,o,i,j] = bias[o] + Σ weight[o,c,u,v] · x[b,c,i·s−p+u, j·s−p+v]`, summed in Double.
  static func directConvolution(_ conv: Conv2D, _ x: Tensor) -> [Double] {
    let (batch, channels, height, width) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
    let (k, s, p, filters) = (conv.kernelSize, conv.stride, conv.padding, conv.outputChannels)
    let (oh, ow) = ((height + 2 * p - k) / s + 1, (width + 2 * p - k) / s + 1)
    let w = conv.weight.value
    var y: [Double] = []
    for b in 0..<batch {
      for o in 0..<filters {
        for i in 0..<oh {
          for j in 0..<ow {
            var sum = Double(conv.bias?.value[o] ?? 0)
            for c in 0..<channels {
              for u in 0..<k {
                for v in 0..<k {
                  let (row, column) = (i * s - p + u, j * s - p + v)
                  guard (0..<height).contains(row), (0..<width).contains(column) else { continue }
                  let xv = x[((b * channels + c) * height + row) * width + column]
                  sum += Double(w[((o * channels + c) * k + u) * k + v]) * Double(xv)
                }
              }
            }
            y.append(sum)
          }
        }
      }
    }
    return y
  }

  static func make(_ c: ConvCase, seed: UInt64 = 1) -> (Conv2D, Tensor) {
    var g = RandomGenerator(seed: seed)
    let conv = Conv2D(
      inputChannels: c.channels, outputChannels: c.filters, kernelSize: c.kernel, stride: c.stride,
      padding: c.padding, bias: c.bias, generator: &g)
    return (conv, randomTensor([c.batch, c.channels, c.size, c.size], seed: seed + 1))
  }

  @Test("forward equals a direct convolution loop", arguments: cases)
  func forwardMatchesDirectLoop(_ c: ConvCase) throws {
    let (conv, x) = Self.make(c)
    let y = conv.forward(x, mode: .training)
    #expect(y.shape == (try conv.outputShape(for: x.shape)))
    let expected = Self.directConvolution(conv, x)
    #expect(y.count == expected.count)
    // Float32 GEMM over C·k·k ≤ 27 terms of size O(1): rounding ≲ 27 · 6e-8 · O(1) ≈ 2e-6.
    let worst = zip(y.array, expected).map { abs(Double($0) - $1) }.max() ?? 0
    #expect(worst < 1e-5)
  }

  @Test("backward matches finite differences (input, weight, bias)", arguments: cases)
  func gradientMatchesFiniteDifferences(_ c: ConvCase) {
    let (conv, x) = Self.make(c)
    let check = GradientCheck(layer: conv, input: x)
    #expect(check.worst < GradientCheck.tolerance, "\(check.errors)")
  }

  @Test("a second backward overwrites the parameter gradients instead of adding to them")
  func backwardOverwritesGradients() {
    let (conv, x) = Self.make(ConvCase())
    let y = conv.forward(x, mode: .training)
    let dy = randomTensor(y.shape, seed: 9)
    _ = conv.backward(dy, needsInputGradient: false)
    let first = conv.weight.gradient.array + conv.bias!.gradient.array
    _ = conv.backward(dy, needsInputGradient: false)
    #expect(conv.weight.gradient.array + conv.bias!.gradient.array == first)
  }

  @Test("needsInputGradient: false returns nil but still sets the weight gradient")
  func skipsInputGradient() {
    let (conv, x) = Self.make(ConvCase())
    let y = conv.forward(x, mode: .training)
    conv.weight.gradient.fill(0)
    #expect(conv.backward(randomTensor(y.shape, seed: 9), needsInputGradient: false) == nil)
    #expect(conv.weight.gradient.array.contains { $0 != 0 })
  }

  @Test("reuses its output and gradient buffers on the second step")
  func reusesBuffers() {
    let (conv, x) = Self.make(ConvCase(stride: 2, padding: 1))
    expectReusesBuffers(conv, input: x)
  }

  @Test("a smaller final batch reuses the buffers and gives the same per-sample results")
  func smallerBatch() {
    let (conv, x) = Self.make(ConvCase(batch: 4))
    let full = conv.forward(x, mode: .training).array
    let half = Tensor(Array(x.array[0..<(x.count / 2)]), shape: [2, 3, 7, 7])
    let y = conv.forward(half, mode: .training)
    #expect(y.array == Array(full[0..<(full.count / 2)]))
  }

  @Test("output shape follows (n + 2p − k)/s + 1")
  func outputShape() throws {
    var g = RandomGenerator(seed: 1)
    let conv = Conv2D(
      inputChannels: 3, outputChannels: 8, kernelSize: 3, stride: 2, padding: 1, generator: &g)
    #expect(try conv.outputShape(for: [5, 3, 32, 31]) == [5, 8, 16, 16])
    #expect(conv.weight.shape == [8, 3, 3, 3])
    #expect(conv.bias?.shape == [8])
    #expect(conv.parameters.map(\.name) == ["weight", "bias"])
  }

  @Test("shape errors name the layer and what it expected")
  func shapeErrors() {
    var g = RandomGenerator(seed: 1)
    let conv = Conv2D(inputChannels: 3, outputChannels: 8, kernelSize: 5, padding: 1, generator: &g)
    #expect {
      try conv.outputShape(for: [1, 3, 2, 9])
    } throws: { error in
      let text = "\(error)"
      return text.contains("Conv2D") && text.contains("exceeds the padded input 4×11")
    }
    #expect {
      try conv.outputShape(for: [1, 4, 9, 9])
    } throws: { "\($0)".contains("expects [batch, 3, height, width] but got [1, 4, 9, 9]") }
    #expect {
      try conv.outputShape(for: [3, 9, 9])
    } throws: { "\($0)".contains("Conv2D") }
  }
}

extension Conv2DTests {
  @Test("a batch split over cores gives the per-sample results (outputs, ∂x) and their sum (∂W, ∂b)")
  func parallelBatchMatchesSamples() {
    // 4 samples of 16·196·72 ≈ 2.3e5 multiply-adds each: large enough to be split over the cores.
    let (conv, x) = Self.make(ConvCase(batch: 4, channels: 8, size: 16, filters: 16, padding: 1))
    let sampleSize = x.count / 4
    let y = conv.forward(x, mode: .training).copy()
    let dy = randomTensor(y.shape, seed: 5)
    let dx = conv.backward(dy, needsInputGradient: true)!.copy()
    let (dW, db) = (conv.weight.gradient.copy(), conv.bias!.gradient.copy())
    var (sumW, sumB) = ([Double](repeating: 0, count: dW.count), [Double](repeating: 0, count: db.count))
    let outputSize = y.count / 4
    for s in 0..<4 {
      let xs = Tensor(Array(x.array[(s * sampleSize)..<((s + 1) * sampleSize)]), shape: [1, 8, 16, 16])
      let ys = conv.forward(xs, mode: .training)
      // OpenBLAS may block the GEMM differently with one thread and with several: Float32
      // rounding of sums of 72 O(1) products, ≲ 1e-5.
      #expect(maxDifference(ys.array, y.array[(s * outputSize)..<((s + 1) * outputSize)]) < 1e-4)
      let dys = Tensor(Array(dy.array[(s * outputSize)..<((s + 1) * outputSize)]), shape: ys.shape)
      let dxs = conv.backward(dys, needsInputGradient: true)!
      #expect(maxDifference(dxs.array, dx.array[(s * sampleSize)..<((s + 1) * sampleSize)]) < 1e-4)
      for i in 0..<dW.count { sumW[i] += Double(conv.weight.gradient[i]) }
      for i in 0..<db.count { sumB[i] += Double(conv.bias!.gradient[i]) }
    }
    // Each entry sums 4·196 products of O(1) in Float32, in a different order: rounding ≲ 1e-4·O(10).
    #expect(maxDifference(dW.array, sumW.map(Float.init)[...]) < 1e-3)
    #expect(maxDifference(db.array, sumB.map(Float.init)[...]) < 1e-3)
  }
}
