import NeuralNet
import TensorCore

/// Keras-style early stopping on a validation split carved from the training data — the baseline
/// the data-free transition stop is compared with.
///
/// After each evaluation, the monitored quantity improves when it beats the best so far by more
/// than `minimumDelta` (lower for losses, higher for accuracies). Training stops after `patience`
/// evaluations without improvement. With `restoreBest`, the parameters of the best evaluation are
/// copied back when it stops (and ``restoreBestParameters()`` does so on demand).
public final class ValidationEarlyStopping: EvaluationObserver {
  public enum Monitor: String, Codable, Sendable, CaseIterable {
    case validationLoss = "val_loss"
    case validationAccuracy = "val_accuracy"
  }

  public struct Settings: Codable, Equatable, Sendable {
    public var monitor: Monitor = .validationLoss
    /// Evaluations without improvement before stopping.
    public var patience: Int = 10
    public var minimumDelta: Double = 0
    public var restoreBest: Bool = true
    public init() {}
  }

  public let settings: Settings
  private let parameters: [Parameter]
  private var best: Double?
  public private(set) var bestStep: Int?
  public private(set) var stoppedStep: Int?
  private var waited = 0
  private var bestValues: [Tensor] = []

  public init(settings: Settings, parameters: [Parameter]) {
    self.settings = settings
    self.parameters = parameters
  }

  public func trainerDidEvaluate(_ metrics: EvaluationMetrics) -> TrainingDecision {
    let value: Double?
    switch settings.monitor {
    case .validationLoss: value = metrics.validationLoss
    case .validationAccuracy: value = metrics.validationAccuracy.map { -$0 }
    }
    guard let value else { return .proceed }
    if best == nil || value < best! - settings.minimumDelta {
      best = value
      bestStep = metrics.step
      waited = 0
      if settings.restoreBest { saveParameters() }
      return .proceed
    }
    waited += 1
    guard waited >= settings.patience else { return .proceed }
    stoppedStep = metrics.step
    if settings.restoreBest { restoreBestParameters() }
    return .stop(
      reason: "\(settings.monitor.rawValue) has not improved for \(settings.patience) evaluations "
        + "(best at step \(bestStep ?? 0))")
  }

  /// Copies the parameters saved at the best evaluation back into the model.
  public func restoreBestParameters() {
    for (parameter, saved) in zip(parameters, bestValues) { parameter.value.assign(saved) }
  }

  private func saveParameters() {
    if bestValues.isEmpty { bestValues = parameters.map { $0.value.copy() } }
    for (parameter, saved) in zip(parameters, bestValues) { saved.assign(parameter.value) }
  }
}
