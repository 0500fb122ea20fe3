import Foundation
import InfoGeometry
import NeuralNet
import Optimizers
import TensorCore

/// Steady-state training throughput: forward, loss, backward and an SGD step on random data,
/// timed over repeated windows after a warm-up; the median window is reported.
public enum TrainingBenchmark {
  public struct Result: Sendable {
    public var name: String
    public var batchSize: Int
    public var parameterCount: Int
    /// Median over windows, in samples per second.
    public var samplesPerSecond: Double
    /// Median time of one step, in milliseconds.
    public var millisecondsPerStep: Double
  }

  /// The reference models of the benchmark: an MLP 784-512-512-10 at batch 128 and a small CNN on
  /// 28×28×1 inputs at batch 64.
  public static let referenceModels: [(name: String, spec: ModelSpec, batch: Int)] = [
    ("mlp 784-512-512-10", ModelSpec(kind: .mlp, widths: [512, 512]), 128),
    ("cnn 32c3-p2-64c3-p2-128-10", ModelSpec(kind: .cnn, widths: [32, 64], denseWidths: [128]), 64),
  ]

  /// Times `spec` at `batchSize`; with `monitor`, the geometry monitor observes every step (stride as
  /// configured), so its cost shows in the figure.
  public static func measure(
    name: String, spec: ModelSpec, batchSize: Int, inputShape: Shape = [1, 28, 28], classes: Int = 10,
    warmupSteps: Int = 20, windows: Int = 7, stepsPerWindow: Int = 20, monitor: GeometryConfiguration? = nil
  ) throws -> Result {
    var generator = RandomGenerator(seed: 1)
    let model = try spec.build(inputShape: inputShape, classes: classes, generator: &generator)
    let optimizer = SGD(parameters: model.parameters.map(\.parameter), learningRate: 0.01)
    let input = Tensor(zeros: Shape([batchSize] + inputShape.dimensions))
    for i in 0..<input.count { input[i] = Float(generator.normal()) }
    let labels = (0..<batchSize).map { _ in Int32(generator.integer(below: classes)) }
    let gradient = Tensor(zeros: [batchSize, classes])
    let observer = try monitor.map {
      try GeometryLog(parameters: model.parameters, configuration: $0, csv: nil)
    }
    var step = 0
    func trainStep() {
      let logits = model.forward(input, mode: .training)
      _ = SoftmaxCrossEntropy.lossAndGradient(logits: logits, labels: labels[...], gradient: gradient)
      _ = model.backward(gradient, needsInputGradient: false)
      optimizer.step()
      step += 1
      _ = observer?.trainerDidStep(step, epoch: 1, model: model)
    }
    for _ in 0..<warmupSteps { trainStep() }
    var times: [Double] = []
    for _ in 0..<windows {
      let start = DispatchTime.now().uptimeNanoseconds
      for _ in 0..<stepsPerWindow { trainStep() }
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 / Double(stepsPerWindow))
    }
    let median = times.sorted()[times.count / 2]
    return Result(
      name: name, batchSize: batchSize, parameterCount: model.parameterCount,
      samplesPerSecond: Double(batchSize) / median, millisecondsPerStep: median * 1e3)
  }
}
