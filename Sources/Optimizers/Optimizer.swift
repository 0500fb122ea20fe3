import NeuralNet
import TensorCore

/// Updates a fixed list of parameters from their gradients, one step at a time.
///
/// Each optimizer writes only its per-parameter rule; the learning rate is set from outside before
/// each step (see ``LearningRateSchedule``). State buffers are allocated once, at construction.
public protocol Optimizer: AnyObject {
  var parameters: [Parameter] { get }
  /// The step size used by the next call of ``step()``.
  var learningRate: Double { get set }
  /// Applies one update to every parameter from its current gradient.
  func step()
}
