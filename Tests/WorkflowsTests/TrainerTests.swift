import Datasets
import Foundation
import NeuralNet
import Optimizers
import TensorCore
import Testing
import Workflows

/// Records every evaluation.
final class MetricsRecorder: EvaluationObserver {
  var metrics: [EvaluationMetrics] = []
  func trainerDidEvaluate(_ m: EvaluationMetrics) -> TrainingDecision {
    metrics.append(m)
    return .proceed
  }
}

/// Records the batch-by-batch sum of the first weight, a fingerprint of the whole trajectory.
final class WeightFingerprint: StepObserver {
  var sums: [Double] = []
  func trainerDidStep(_ step: Int, epoch: Int, model: any Layer) -> TrainingDecision {
    sums.append(model.parameters[0].parameter.value.buffer.reduce(0.0) { $0 + Double($1) })
    return .proceed
  }
}

/// Stops after a fixed step.
final class StopAt: StepObserver {
  let step: Int
  init(_ step: Int) { self.step = step }
  func trainerDidStep(_ step: Int, epoch: Int, model: any Layer) -> TrainingDecision {
    step == self.step ? .stop(reason: "test stop") : .proceed
  }
}

/// Reads the parameters after a fixed step "in the background", as the geometry log does: its decision
/// about that step comes only when the trainer is about to update the parameters again.
final class DeferredStopAt: StepObserver {
  let step: Int
  private var lastStep = 0
  /// Fingerprint of the first weight at the stop step, and at the end of the run.
  private(set) var atStop: Double?
  init(_ step: Int) { self.step = step }
  func trainerDidStep(_ step: Int, epoch: Int, model: any Layer) -> TrainingDecision {
    lastStep = step
    if step == self.step {
      atStop = model.parameters[0].parameter.value.buffer.reduce(0.0) { $0 + Double($1) }
    }
    return .proceed
  }
  func trainerWillUpdateParameters() -> TrainingDecision {
    lastStep == step ? .stop(reason: "deferred stop") : .proceed
  }
}

/// The Fashion-MNIST data of a small run, loaded once for the suite.
enum FashionFixture {
  static let data: ExperimentData? = {
    var c = RunConfiguration()
    c.trainingSamples = 2000
    return try? ExperimentData.load(c)
  }()
}

func makeTrainer(_ data: ExperimentData, epochs: Int, seed: UInt64, evaluation: EvaluationSchedule)
  throws -> Trainer
{
  var configuration = Trainer.Configuration()
  configuration.epochs = epochs
  configuration.seed = seed
  configuration.evaluation = evaluation
  var generator = RandomGenerator(seed: seed)
  let model = try ModelSpec(kind: .mlp, widths: [128]).build(
    inputShape: [1, 28, 28], classes: 10, generator: &generator)
  let optimizer = Adam(parameters: model.parameters.map(\.parameter), learningRate: 1e-3)
  return try Trainer(
    model: model, optimizer: optimizer, schedule: LearningRateSchedules.constant(1e-3),
    configuration: configuration, train: data.train, test: data.test)
}

@Suite("Trainer", .serialized)
struct TrainerTests {
  @Test(
    "an MLP on a 2,000-image stratified Fashion-MNIST subset reaches 78% on the full test set",
    .enabled(if: FashionFixture.data != nil, "needs Debian's dataset-fashion-mnist"))
  func realRun() throws {
    let data = try #require(FashionFixture.data)
    #expect(data.train.count == 2000 && data.test.count == 10_000)
    let trainer = try makeTrainer(data, epochs: 10, seed: 0, evaluation: .every(100))
    let recorder = MetricsRecorder()
    trainer.evaluationObservers = [recorder]
    let summary = try trainer.run(progress: ProgressReporter(style: .quiet))
    #expect(summary.steps == 10 * 32)
    let last = try #require(recorder.metrics.last)
    #expect(last.step == 320)
    #expect(last.testAccuracy >= 0.78, "test accuracy \(last.testAccuracy)")
    // Evaluations at 0, 100, 200, 300 and the last step.
    #expect(recorder.metrics.map(\.step) == [0, 100, 200, 300, 320])
    #expect(recorder.metrics[0].trainLoss > last.trainLoss)
  }

  @Test(
    "the same seed gives the same trajectory with one thread; another seed another",
    .enabled(if: FashionFixture.data != nil, "needs Debian's dataset-fashion-mnist"))
  func determinism() throws {
    let data = try #require(FashionFixture.data)
    let (threads, workers) = (BLAS.threadCount, Parallel.workerCount)
    BLAS.threadCount = 1
    Parallel.workerCount = 1
    defer {
      BLAS.threadCount = threads
      Parallel.workerCount = workers
    }
    func fingerprint(seed: UInt64) throws -> [Double] {
      let trainer = try makeTrainer(data, epochs: 1, seed: seed, evaluation: .every(1000))
      let f = WeightFingerprint()
      trainer.stepObservers = [f]
      _ = try trainer.run(progress: ProgressReporter(style: .quiet))
      return f.sums
    }
    let a = try fingerprint(seed: 5)
    #expect(a.count == 32)
    #expect(try fingerprint(seed: 5) == a)
    #expect(try fingerprint(seed: 6) != a)
  }

  @Test(
    "an observer can stop training, and the stop step is evaluated",
    .enabled(if: FashionFixture.data != nil, "needs Debian's dataset-fashion-mnist"))
  func stopping() throws {
    let data = try #require(FashionFixture.data)
    let trainer = try makeTrainer(data, epochs: 5, seed: 1, evaluation: .every(1000))
    let recorder = MetricsRecorder()
    trainer.stepObservers = [StopAt(7)]
    trainer.evaluationObservers = [recorder]
    let summary = try trainer.run(progress: ProgressReporter(style: .quiet))
    #expect(summary.steps == 7 && summary.stopReason == "test stop")
    #expect(summary.lastMetrics?.step == 7)
  }

  @Test(
    "a stop decided before the next update ends training at the observed step, its parameters untouched",
    .enabled(if: FashionFixture.data != nil, "needs Debian's dataset-fashion-mnist"))
  func deferredStopping() throws {
    let data = try #require(FashionFixture.data)
    let trainer = try makeTrainer(data, epochs: 5, seed: 1, evaluation: .every(1000))
    let observer = DeferredStopAt(7)
    trainer.stepObservers = [observer]
    let summary = try trainer.run(progress: ProgressReporter(style: .quiet))
    #expect(summary.steps == 7 && summary.stopReason == "deferred stop")
    #expect(summary.lastMetrics?.step == 7)
    let now = trainer.model.parameters[0].parameter.value.buffer.reduce(0.0) { $0 + Double($1) }
    #expect(observer.atStop == now)
  }

  @Test("a diverging run stops with a message naming the step")
  func divergence() throws {
    let images = Tensor(zeros: [8, 1, 2, 2])
    for i in 0..<images.count { images[i] = Float(i % 5) }
    let set = ImageDataset(name: "toy", images: images, labels: (0..<8).map { Int32($0 % 2) }, classCount: 2)
    var generator = RandomGenerator(seed: 0)
    let model = try ModelSpec(kind: .mlp, widths: [4]).build(
      inputShape: [1, 2, 2], classes: 2, generator: &generator)
    var configuration = Trainer.Configuration()
    configuration.batchSize = 4
    let optimizer = SGD(parameters: model.parameters.map(\.parameter), learningRate: 1e30)
    let trainer = try Trainer(
      model: model, optimizer: optimizer, schedule: LearningRateSchedules.constant(1e30),
      configuration: configuration, train: set, test: set)
    #expect {
      _ = try trainer.run(progress: ProgressReporter(style: .quiet))
    } throws: { error in
      "\(error)".contains("not finite at step")
    }
  }

  @Test("data that does not fit the model is refused before training")
  func shapeMismatch() throws {
    let set = ImageDataset(
      name: "toy", images: Tensor(zeros: [4, 1, 3, 3]), labels: [0, 1, 0, 1], classCount: 2)
    var generator = RandomGenerator(seed: 0)
    let model = try ModelSpec(kind: .mlp, widths: [4]).build(
      inputShape: [1, 2, 2], classes: 2, generator: &generator)
    let optimizer = SGD(parameters: model.parameters.map(\.parameter), learningRate: 0.1)
    #expect(throws: TrainingError.self) {
      try Trainer(
        model: model, optimizer: optimizer, schedule: LearningRateSchedules.constant(0.1),
        configuration: Trainer.Configuration(), train: set, test: set)
    }
  }
}

@Suite("EvaluationSchedule")
struct EvaluationScheduleTests {
  @Test("log spacing covers every decade and always includes 0 and the last step")
  func logSpaced() {
    let steps = EvaluationSchedule.logSpaced(perDecade: 4).steps(totalSteps: 1000)
    #expect(steps.first == 0 && steps.last == 1000)
    #expect(steps.contains(1) && steps.contains(10) && steps.contains(100) && steps.contains(18))
    #expect(steps == steps.sorted() && Set(steps).count == steps.count)
  }

  @Test("every:K hits the multiples of K")
  func every() {
    #expect(EvaluationSchedule.every(3).steps(totalSteps: 10) == [0, 3, 6, 9, 10])
    #expect(EvaluationSchedule(parsing: "log:20") == .logSpaced(perDecade: 20))
    #expect(EvaluationSchedule(parsing: "often") == nil)
  }
}
