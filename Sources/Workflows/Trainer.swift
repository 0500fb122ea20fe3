import Datasets
import Foundation
import NeuralNet
import Optimizers
import TensorCore

/// What an observer asks of the trainer after a step or an evaluation.
public enum TrainingDecision: Sendable, Equatable {
  case proceed
  case stop(reason: String)
}

/// Called after every optimizer step with the model as it is now. Observers read parameters in
/// place through `model.parameters` (no copy); the geometry monitor plugs in here.
///
/// The parameters stay as they are until the next step's optimizer update: the next forward and backward
/// passes only read them. An observer may therefore go on reading them in the background after
/// ``trainerDidStep(_:epoch:model:)`` returns, as long as it is done when
/// ``trainerWillUpdateParameters()`` returns; that call also brings its decision about the step.
public protocol StepObserver: AnyObject {
  func trainerDidStep(_ step: Int, epoch: Int, model: any Layer) -> TrainingDecision
  /// Called before the optimizer changes the parameters again, and when training ends (by a stop or at
  /// its last step): finish any reading of the parameters still in progress and return its decision
  /// about the last step observed. The default has nothing in progress and proceeds.
  func trainerWillUpdateParameters() -> TrainingDecision
}

extension StepObserver {
  public func trainerWillUpdateParameters() -> TrainingDecision { .proceed }
}

/// Called after every evaluation (see ``EvaluationSchedule``), e.g. to write metrics.csv or to stop
/// on a validation criterion.
public protocol EvaluationObserver: AnyObject {
  func trainerDidEvaluate(_ metrics: EvaluationMetrics) -> TrainingDecision
}

/// Loss and accuracy on the full sets at one step. Validation fields are nil without a split.
public struct EvaluationMetrics: Codable, Equatable, Sendable {
  public var step: Int
  public var epoch: Int
  public var learningRate: Double
  public var trainLoss: Double
  public var trainAccuracy: Double
  public var testLoss: Double
  public var testAccuracy: Double
  public var validationLoss: Double?
  public var validationAccuracy: Double?
}

/// Why training stopped early or failed.
public enum TrainingError: Error, CustomStringConvertible {
  case nonFinite(step: Int, what: String)
  case shapeMismatch(String)

  public var description: String {
    switch self {
    case .nonFinite(let step, let what):
      "training diverged: \(what) is not finite at step \(step) (try a smaller learning rate); "
        + "everything up to the previous evaluation was written"
    case .shapeMismatch(let message): "the data does not fit the model: \(message)"
    }
  }
}

/// Mini-batch training with seeded shuffling, observers after every step, and batched evaluation on
/// a schedule.
///
/// Steps are numbered from 1 (the first optimizer update); step 0 is the initial network. With the
/// same seed (and one BLAS thread, one worker) the loss curve is bit-for-bit reproducible.
public final class Trainer {
  public struct Configuration: Codable, Equatable, Sendable {
    public var batchSize: Int = 64
    public var epochs: Int = 10
    /// Stops after this many steps when set, even mid-epoch.
    public var maximumSteps: Int?
    public var seed: UInt64 = 0
    public var evaluation: EvaluationSchedule = .logSpaced(perDecade: 20)
    /// Samples per forward pass during evaluation.
    public var evaluationBatchSize: Int = 1000

    public init() {}

    /// Steps per epoch for `samples` training samples (the last batch may be smaller).
    public func stepsPerEpoch(samples: Int) -> Int { (samples + batchSize - 1) / max(1, batchSize) }

    public func totalSteps(samples: Int) -> Int {
      let full = epochs * stepsPerEpoch(samples: samples)
      return maximumSteps.map { min($0, full) } ?? full
    }
  }

  /// What happened during `run`.
  public struct Summary: Sendable {
    public var steps: Int
    public var stopReason: String?
    public var lastMetrics: EvaluationMetrics?
    public var samplesPerSecond: Double
  }

  public let model: Sequential
  public let optimizer: any Optimizer
  public let schedule: LearningRateSchedule
  public let configuration: Configuration
  public let train: ImageDataset
  public let test: ImageDataset
  public let validation: ImageDataset?
  public var stepObservers: [any StepObserver] = []
  public var evaluationObservers: [any EvaluationObserver] = []

  // Buffers reused by every step.
  private let batchImages: Tensor
  private var batchLabels: [Int32]
  private let logitGradient: Tensor
  private let evaluationImages: Tensor
  private var evaluationLabels: [Int32]
  /// 0, 1, 2, … up to the largest set: evaluation visits samples in order, in slices of this.
  private let sequentialOrder: [Int]

  public init(
    model: Sequential, optimizer: any Optimizer, schedule: @escaping LearningRateSchedule,
    configuration: Configuration, train: ImageDataset, test: ImageDataset, validation: ImageDataset? = nil
  ) throws {
    self.model = model
    self.optimizer = optimizer
    self.schedule = schedule
    self.configuration = configuration
    self.train = train
    self.test = test
    self.validation = validation
    let sample = Array(train.images.shape.dimensions.dropFirst())
    for set in [test] + (validation.map { [$0] } ?? [])
    where Array(set.images.shape.dimensions.dropFirst()) != sample {
      throw TrainingError.shapeMismatch(
        "\(set.name) images are \(Shape(Array(set.images.shape.dimensions.dropFirst()))), training images \(Shape(sample))"
      )
    }
    do {
      let out = try model.outputShape(for: Shape([1] + sample))
      guard out.rank == 2, out[1] >= train.classCount else {
        throw TrainingError.shapeMismatch("model outputs \(out) but the data has \(train.classCount) classes")
      }
    } catch let error as ShapeError {
      throw TrainingError.shapeMismatch("\(train.name) samples are \(Shape(sample)); \(error)")
    }
    batchImages = Tensor(zeros: Shape([configuration.batchSize] + sample))
    batchLabels = []
    batchLabels.reserveCapacity(configuration.batchSize)
    logitGradient = Tensor(zeros: [configuration.batchSize, train.classCount])
    evaluationImages = Tensor(zeros: Shape([configuration.evaluationBatchSize] + sample))
    evaluationLabels = []
    evaluationLabels.reserveCapacity(configuration.evaluationBatchSize)
    sequentialOrder = Array(0..<max(train.count, test.count, validation?.count ?? 0))
  }

  /// Trains until the configured length or until an observer stops it.
  public func run(progress: ProgressReporter) throws -> Summary {
    let n = train.count
    let total = configuration.totalSteps(samples: n)
    let evaluationSteps = Set(configuration.evaluation.steps(totalSteps: total))
    var step = 0
    let batchOrder = BatchOrder(sampleCount: n, batchSize: configuration.batchSize, seed: configuration.seed)
    var order: [Int] = []
    var lastMetrics: EvaluationMetrics?
    let started = Date()
    var samples = 0

    func evaluateIfScheduled(epoch: Int) throws -> TrainingDecision {
      guard evaluationSteps.contains(step) else { return .proceed }
      let metrics = try evaluate(step: step, epoch: epoch)
      lastMetrics = metrics
      for observer in evaluationObservers {
        if case .stop(let reason) = observer.trainerDidEvaluate(metrics) { return .stop(reason: reason) }
      }
      return .proceed
    }

    /// Waits for the step observers' background work; the first stop wins.
    func settleObservers() -> TrainingDecision {
      var decision = TrainingDecision.proceed
      for observer in stepObservers {
        let d = observer.trainerWillUpdateParameters()
        if case .stop = d, decision == .proceed { decision = d }
      }
      return decision
    }
    func stopped(_ reason: String, epoch: Int) throws -> Summary {
      _ = settleObservers()
      if lastMetrics?.step != step { lastMetrics = try evaluate(step: step, epoch: epoch) }
      progress.message("stopped at step \(step): \(reason)")
      return Summary(
        steps: step, stopReason: reason, lastMetrics: lastMetrics,
        samplesPerSecond: Double(samples) / Date().timeIntervalSince(started))
    }

    if case .stop(let reason) = try evaluateIfScheduled(epoch: 0) {
      return Summary(steps: 0, stopReason: reason, lastMetrics: lastMetrics, samplesPerSecond: 0)
    }
    // A step observer finishing in the background cannot be left running if training throws.
    defer { _ = settleObservers() }
    var epoch = 1
    /// The epoch of the last step taken.
    var stepEpoch = 0
    while epoch <= max(1, configuration.epochs) {
      batchOrder.fill(&order, epoch: epoch - 1)
      for batch in 0..<batchOrder.batchesPerEpoch where step < total {
        train.gather(indices: batchOrder.batch(batch, of: order), images: batchImages, labels: &batchLabels)
        step += 1
        optimizer.learningRate = schedule(step - 1)
        let logits = model.forward(batchImages, mode: .training)
        let loss = SoftmaxCrossEntropy.lossAndGradient(
          logits: logits, labels: batchLabels[...], gradient: logitGradient)
        guard loss.isFinite else { throw TrainingError.nonFinite(step: step, what: "the training loss") }
        _ = model.backward(logitGradient, needsInputGradient: false)
        // The observers of the previous step finish before its parameters change; if one of them stops
        // training, the parameters are still the previous step's, and this step is not taken.
        if case .stop(let reason) = settleObservers() {
          step -= 1
          return try stopped(reason, epoch: stepEpoch)
        }
        optimizer.step()
        stepEpoch = epoch
        samples += batchLabels.count
        var decision = TrainingDecision.proceed
        for observer in stepObservers {
          let d = observer.trainerDidStep(step, epoch: epoch, model: model)
          if case .stop = d, decision == .proceed { decision = d }
        }
        if case .proceed = decision { decision = try evaluateIfScheduled(epoch: epoch) }
        progress.update(step: step, totalSteps: total, epoch: epoch, loss: loss, samples: samples)
        if case .stop(let reason) = decision { return try stopped(reason, epoch: epoch) }
      }
      if step >= total { break }
      epoch += 1
    }
    if case .stop(let reason) = settleObservers() { return try stopped(reason, epoch: stepEpoch) }
    return Summary(
      steps: step, stopReason: nil, lastMetrics: lastMetrics,
      samplesPerSecond: Double(samples) / max(1e-9, Date().timeIntervalSince(started)))
  }

  public func evaluate(step: Int, epoch: Int) throws -> EvaluationMetrics {
    for p in model.parameters where !p.parameter.value.buffer.allSatisfy(\.isFinite) {
      throw TrainingError.nonFinite(step: step, what: "parameter \(p.name)")
    }
    let (trainLoss, trainAccuracy) = measure(train)
    let (testLoss, testAccuracy) = measure(test)
    let validationMetrics = validation.map(measure)
    return EvaluationMetrics(
      step: step, epoch: epoch, learningRate: schedule(max(0, step - 1)), trainLoss: trainLoss,
      trainAccuracy: trainAccuracy, testLoss: testLoss, testAccuracy: testAccuracy,
      validationLoss: validationMetrics?.0, validationAccuracy: validationMetrics?.1)
  }

  /// Mean cross-entropy and accuracy of the model on `set`, in batches, in inference mode.
  func measure(_ set: ImageDataset) -> (loss: Double, accuracy: Double) {
    var totalLoss = 0.0
    var correct = 0
    var start = 0
    while start < set.count {
      let end = min(set.count, start + configuration.evaluationBatchSize)
      set.gather(indices: sequentialOrder[start..<end], images: evaluationImages, labels: &evaluationLabels)
      let logits = model.forward(evaluationImages, mode: .inference)
      let (loss, right) = SoftmaxCrossEntropy.evaluate(logits: logits, labels: evaluationLabels[...])
      totalLoss += loss * Double(end - start)
      correct += right
      start = end
    }
    return (totalLoss / Double(max(1, set.count)), Double(correct) / Double(max(1, set.count)))
  }
}
