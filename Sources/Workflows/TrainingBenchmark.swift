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
    let harness = try Harness(
      spec: spec, batchSize: batchSize, inputShape: inputShape, classes: classes, monitor: monitor)
    harness.warmUp(steps: warmupSteps, observing: monitor != nil)
    let times = (0..<windows).map { _ in harness.window(steps: stepsPerWindow, observing: monitor != nil) }
    return harness.result(name: name, times: times)
  }

  /// The monitor's overhead on `spec` at `batchSize`, measured so that a machine whose speed drifts
  /// (shared cores, frequency changes) does not bias it: one model trains through `windows` pairs of
  /// windows, one without and one with the monitor observing every step, in alternating order; the
  /// overhead is the median over pairs of (time with)/(time without) − 1. Returns both medians too, and
  /// the median time per step the training loop spends in the monitor's calls: starting an observation,
  /// and waiting for it before the next update (it runs in the background meanwhile, see ``GeometryLog``).
  public static func monitorOverhead(
    name: String, spec: ModelSpec, batchSize: Int, monitor: GeometryConfiguration,
    inputShape: Shape = [1, 28, 28], classes: Int = 10, warmupSteps: Int = 20, windows: Int = 7,
    stepsPerWindow: Int = 20
  ) throws -> (plain: Result, monitored: Result, overhead: Double, waiting: Double) {
    let harness = try Harness(
      spec: spec, batchSize: batchSize, inputShape: inputShape, classes: classes, monitor: monitor)
    harness.warmUp(steps: warmupSteps, observing: true)
    var plain: [Double] = []
    var monitored: [Double] = []
    var waiting: [Double] = []
    for pair in 0..<windows {
      // Alternate which comes first, so a steady drift within a pair cancels over pairs.
      for observing in pair % 2 == 0 ? [false, true] : [true, false] {
        let before = harness.observerSeconds
        let t = harness.window(steps: stepsPerWindow, observing: observing)
        if observing {
          monitored.append(t)
          waiting.append((harness.observerSeconds - before) / Double(stepsPerWindow))
        } else {
          plain.append(t)
        }
      }
    }
    let ratios = zip(monitored, plain).map { $0 / $1 }.sorted()
    return (
      harness.result(name: name, times: plain), harness.result(name: name + " + monitor", times: monitored),
      ratios[ratios.count / 2] - 1, waiting.sorted()[waiting.count / 2]
    )
  }

  /// One model, its optimizer, random data and (optionally) a monitor, stepped and timed.
  private final class Harness {
    let batchSize: Int
    let parameterCount: Int
    let trainStep: (Bool) -> Void
    /// Waits for an observation still in progress.
    let settle: () -> Void
    private let observerTotal: () -> Double
    /// Seconds the training loop has spent in the monitor's calls so far (starting an observation, and
    /// waiting for it to finish before the next update).
    var observerSeconds: Double { observerTotal() }

    init(
      spec: ModelSpec, batchSize: Int, inputShape: Shape, classes: Int, monitor: GeometryConfiguration?
    ) throws {
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
      self.batchSize = batchSize
      parameterCount = model.parameterCount
      var waited = 0.0
      func timed(_ body: () -> Void) {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        waited += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      }
      settle = { if let observer { timed { _ = observer.trainerWillUpdateParameters() } } }
      trainStep = { observing in
        let logits = model.forward(input, mode: .training)
        _ = SoftmaxCrossEntropy.lossAndGradient(logits: logits, labels: labels[...], gradient: gradient)
        _ = model.backward(gradient, needsInputGradient: false)
        // As the trainer does: the observation of the previous step finishes before the update.
        if let observer { timed { _ = observer.trainerWillUpdateParameters() } }
        optimizer.step()
        step += 1
        guard observing, let observer else { return }
        timed { _ = observer.trainerDidStep(step, epoch: 1, model: model) }
      }
      observerTotal = { waited }
    }

    func warmUp(steps: Int, observing: Bool) { for _ in 0..<steps { trainStep(observing) } }

    /// Seconds per step over `steps` steps.
    func window(steps: Int, observing: Bool) -> Double {
      let start = DispatchTime.now().uptimeNanoseconds
      for _ in 0..<steps { trainStep(observing) }
      // The window's last observation finishes inside it.
      settle()
      return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 / Double(steps)
    }

    func result(name: String, times: [Double]) -> Result {
      let median = times.sorted()[times.count / 2]
      return Result(
        name: name, batchSize: batchSize, parameterCount: parameterCount,
        samplesPerSecond: Double(batchSize) / median, millisecondsPerStep: median * 1e3)
    }
  }
}
