import NeuralNet
import Optimizers

/// The optimizer and learning-rate schedule of a run, as recorded in config.json.
public struct OptimizerSettings: Codable, Equatable, Sendable {
  public enum Name: String, Codable, Sendable, CaseIterable {
    case sgd
    case adam
    case adamw
  }

  public enum Schedule: String, Codable, Sendable, CaseIterable {
    case constant
    case step
    case cosine
  }

  public var name: Name = .adam
  public var learningRate: Double = 1e-3
  public var momentum: Double = 0
  public var nesterov: Bool = false
  public var weightDecay: Double = 0
  public var schedule: Schedule = .constant
  /// Step schedule: multiply by `gamma` every `stepEvery` steps.
  public var stepEvery: Int = 1000
  public var gamma: Double = 0.1
  /// Cosine schedule: the final learning rate.
  public var minimumLearningRate: Double = 0

  public init() {}

  public func makeOptimizer(parameters: [Parameter]) -> any Optimizer {
    switch name {
    case .sgd:
      SGD(
        parameters: parameters, learningRate: learningRate, momentum: momentum, nesterov: nesterov,
        weightDecay: weightDecay)
    case .adam: Adam(parameters: parameters, learningRate: learningRate, weightDecay: weightDecay)
    case .adamw: Adam.adamW(parameters: parameters, learningRate: learningRate, weightDecay: weightDecay)
    }
  }

  /// The schedule over a run of `totalSteps` steps.
  public func makeSchedule(totalSteps: Int) -> LearningRateSchedule {
    switch schedule {
    case .constant: LearningRateSchedules.constant(learningRate)
    case .step: LearningRateSchedules.step(learningRate, every: stepEvery, gamma: gamma)
    case .cosine: LearningRateSchedules.cosine(learningRate, steps: totalSteps, minimum: minimumLearningRate)
    }
  }
}
