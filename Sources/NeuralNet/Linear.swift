import TensorCore

/// A fully connected layer, `y = x·Wᵀ + b`.
///
/// ```
/// input  [batch, inputFeatures]
/// weight [outputFeatures, inputFeatures]   (PyTorch's layout)
/// bias   [outputFeatures]
/// output [batch, outputFeatures]
/// ```
/// Initialized like PyTorch's `nn.Linear` unless another `Initializer` is given.
public final class Linear: Layer {
  public let inputFeatures: Int
  public let outputFeatures: Int
  public let weight: Parameter
  public let bias: Parameter?

  private var input: Tensor?
  private var output: Tensor?
  private var inputGradient: Tensor?

  public init(
    inputFeatures: Int, outputFeatures: Int, bias: Bool = true,
    initializer: Initializer = .pytorchDefault, generator: inout RandomGenerator
  ) {
    self.inputFeatures = inputFeatures
    self.outputFeatures = outputFeatures
    weight = Parameter(Tensor(zeros: [outputFeatures, inputFeatures]))
    self.bias = bias ? Parameter(Tensor(zeros: [outputFeatures])) : nil
    let fans = Fans(input: inputFeatures, output: outputFeatures)
    initializer.fillWeight(weight.value, fans: fans, generator: &generator)
    if let b = self.bias { initializer.fillBias(b.value, fans: fans, generator: &generator) }
  }

  /// `Linear(784, 128, generator: &g)`.
  public convenience init(_ inputFeatures: Int, _ outputFeatures: Int, generator: inout RandomGenerator) {
    self.init(inputFeatures: inputFeatures, outputFeatures: outputFeatures, generator: &generator)
  }

  public var parameters: [NamedParameter] {
    [NamedParameter("weight", weight)] + (bias.map { [NamedParameter("bias", $0)] } ?? [])
  }

  public func outputShape(for inputShape: Shape) throws(ShapeError) -> Shape {
    guard inputShape.rank == 2, inputShape[1] == inputFeatures else {
      throw ShapeError(
        layer: "Linear(\(inputFeatures), \(outputFeatures))",
        problem: "expects [batch, \(inputFeatures)] but got \(inputShape)")
    }
    return [inputShape[0], outputFeatures]
  }

  public func forward(_ input: Tensor, mode: ForwardMode) -> Tensor {
    let batch = input.shape[0]
    let out = Tensor.reuse(output, shape: [batch, outputFeatures])
    output = out
    self.input = input
    if let bias {
      for row in 0..<batch {
        (out.pointer + row * outputFeatures).update(from: bias.value.pointer, count: outputFeatures)
      }
    }
    BLAS.gemm(
      transposeB: true, m: batch, n: outputFeatures, k: inputFeatures,
      a: input.pointer, b: weight.value.pointer, beta: bias == nil ? 0 : 1, c: out.pointer)
    return out
  }

  public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
    guard let input else { preconditionFailure("Linear.backward before forward") }
    let batch = input.shape[0]
    let dy = outputGradient.pointer
    // ∂L/∂W = dyᵀ·x
    BLAS.gemm(
      transposeA: true, m: outputFeatures, n: inputFeatures, k: batch,
      a: dy, b: input.pointer, c: weight.gradient.pointer)
    if let bias {
      let db = bias.gradient.pointer
      db.update(repeating: 0, count: outputFeatures)
      for row in 0..<batch {
        let r = dy + row * outputFeatures
        for j in 0..<outputFeatures { db[j] += r[j] }
      }
    }
    guard needsInputGradient else { return nil }
    // ∂L/∂x = dy·W
    let dx = Tensor.reuse(inputGradient, shape: input.shape)
    inputGradient = dx
    BLAS.gemm(
      m: batch, n: inputFeatures, k: outputFeatures, a: dy, b: weight.value.pointer, c: dx.pointer)
    return dx
  }
}
