import TensorCore

/// Steady-state timings of a training step's forward and backward passes (no optimizer update),
/// for `infogeo bench` and for comparing with PyTorch on the same models and batch sizes.
public enum LayerBenchmark {
  /// The reference CNN for 28×28×1 images: conv 3×3×32, ReLU, max-pool 2, conv 3×3×64, ReLU,
  /// max-pool 2, flatten, Linear(1600 → 128), ReLU, Linear(128 → 10).
  public static func referenceCNN(generator: inout RandomGenerator) -> Sequential {
    Sequential([
      Conv2D(inputChannels: 1, outputChannels: 32, kernelSize: 3, generator: &generator), ReLU(),
      MaxPool2D(kernelSize: 2),
      Conv2D(inputChannels: 32, outputChannels: 64, kernelSize: 3, generator: &generator), ReLU(),
      MaxPool2D(kernelSize: 2), Flatten(),
      Linear(1600, 128, generator: &generator), ReLU(), Linear(128, 10, generator: &generator),
    ])
  }

  /// The multilayer perceptron 784-512-512-10 with ReLU.
  public static func referenceMLP(generator: inout RandomGenerator) -> Sequential {
    Sequential([
      Linear(784, 512, generator: &generator), ReLU(), Linear(512, 512, generator: &generator), ReLU(),
      Linear(512, 10, generator: &generator),
    ])
  }

  /// One timing of `secondsPerStep`.
  public struct Result: Sendable {
    /// `"cnn"` or `"mlp"`.
    public var model: String
    /// Samples per step.
    public var batch: Int
    /// Median seconds per forward + loss + backward step.
    public var secondsPerStep: Double
  }

  /// The reference timings to compare with PyTorch on the same cores: the reference CNN at batch 64
  /// and the MLP at batch 128.
  public static func reference(steps: Int = 20, seed: UInt64 = 1) -> [Result] {
    var generator = RandomGenerator(seed: seed)
    let cases: [(String, any Layer, Shape)] = [
      ("cnn", referenceCNN(generator: &generator), [64, 1, 28, 28]),
      ("mlp", referenceMLP(generator: &generator), [128, 784]),
    ]
    return cases.compactMap { name, model, shape in
      (try? secondsPerStep(model: model, inputShape: shape, steps: steps, seed: seed)).map {
        Result(model: name, batch: shape[0], secondsPerStep: $0)
      }
    }
  }

  /// The median wall-clock seconds of one forward (training mode) + softmax cross-entropy +
  /// backward step of `model` on a fixed random batch of `inputShape`, over `steps` steps after
  /// `warmup` untimed ones (the first allocates the buffers). Classes come from the output width.
  public static func secondsPerStep(
    model: any Layer, inputShape: Shape, steps: Int = 20, warmup: Int = 3, seed: UInt64 = 1
  ) throws(ShapeError) -> Double {
    let outputShape = try model.outputShape(for: inputShape)
    var generator = RandomGenerator(seed: seed)
    let input = Tensor(zeros: inputShape)
    for i in 0..<input.count { input[i] = Float(generator.normal()) }
    let labels = (0..<inputShape[0]).map { _ in Int32(generator.integer(below: outputShape[1])) }
    let gradient = Tensor(zeros: outputShape)
    let clock = ContinuousClock()
    var times: [Double] = []
    let steps = max(steps, 1)
    for step in 0..<(max(warmup, 0) + steps) {
      let start = clock.now
      let logits = model.forward(input, mode: .training)
      _ = SoftmaxCrossEntropy.lossAndGradient(logits: logits, labels: labels[...], gradient: gradient)
      _ = model.backward(gradient, needsInputGradient: false)
      let elapsed = clock.now - start
      if step >= max(warmup, 0) {
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
      }
    }
    times.sort()
    return times[times.count / 2]
  }
}
