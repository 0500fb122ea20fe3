import TensorCore

/// Inverted dropout, as PyTorch's `nn.Dropout(p)`:
///
/// ```
/// training:  y = x ⊙ m / (1 − p),   m_i ~ Bernoulli(1 − p) independently
/// inference: y = x
/// ```
/// so `E[y] = x` in both modes. The mask is drawn from the layer's own `generator` (seeded at
/// construction, independent of the weight and batch streams) and kept, already scaled, for the
/// backward pass `∂x = ∂y ⊙ m / (1 − p)`. `p = 1` drops everything (y = 0). In inference the
/// input tensor itself is returned (and `∂y` itself in the backward pass).
public final class Dropout: Layer {
  /// The probability p of zeroing an element, in [0, 1].
  public let probability: Double
  /// The stream the masks are drawn from; one `nextDouble()` per element per training forward pass.
  public var generator: RandomGenerator

  private var mode = ForwardMode.inference
  private var output: Tensor?
  private var inputGradient: Tensor?
  /// The latest mask times 1/(1 − p) (or 0 everywhere when p = 1).
  private var scaledMask: Tensor?

  /// The mask stream is `RandomGenerator(seed: seed, stream: Dropout.stream)`, so it differs from
  /// any other stream built from the same seed (weights, batch order).
  public init(probability: Double, seed: UInt64) {
    self.probability = probability
    generator = RandomGenerator(seed: seed, stream: Self.stream)
  }

  /// The stream label of dropout masks (the ASCII bytes of "dropout").
  public static let stream: UInt64 = 0x64_726F_706F_7574

  public func outputShape(for inputShape: Shape) throws(ShapeError) -> Shape {
    guard probability >= 0, probability <= 1 else {
      throw ShapeError(layer: "Dropout(p = \(probability))", problem: "needs a probability in [0, 1]")
    }
    return inputShape
  }

  public func forward(_ input: Tensor, mode: ForwardMode) -> Tensor {
    self.mode = mode
    guard mode == .training else { return input }
    let mask = Tensor.reuse(scaledMask, shape: input.shape)
    let out = Tensor.reuse(output, shape: input.shape)
    (scaledMask, output) = (mask, out)
    let keep = probability < 1 ? Float(1 / (1 - probability)) : 0
    let (m, x, y) = (mask.pointer, input.pointer, out.pointer)
    for i in 0..<input.count {
      m[i] = generator.nextDouble() < probability ? 0 : keep
      y[i] = x[i] * m[i]
    }
    return out
  }

  public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
    guard needsInputGradient else { return nil }
    guard mode == .training else { return outputGradient }
    guard let mask = scaledMask else { preconditionFailure("Dropout.backward before forward") }
    let dx = Tensor.reuse(inputGradient, shape: mask.shape)
    inputGradient = dx
    let (m, dy, g) = (mask.pointer, outputGradient.pointer, dx.pointer)
    for i in 0..<dx.count { g[i] = dy[i] * m[i] }
    return dx
  }
}
