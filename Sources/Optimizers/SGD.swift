import NeuralNet
import TensorCore

/// Stochastic gradient descent with PyTorch's semantics (`torch.optim.SGD`, dampening 0):
///
/// ```
/// g ← ∇θ + λ·θ                      (weight decay λ, coupled)
/// b ← g on the first step, else μ·b + g   (momentum μ > 0)
/// g ← g + μ·b  (Nesterov)   or   g ← b
/// θ ← θ − η·g
/// ```
public final class SGD: Optimizer {
  public let parameters: [Parameter]
  public var learningRate: Double
  public let momentum: Double
  public let nesterov: Bool
  public let weightDecay: Double
  private let velocities: [Tensor]
  private var stepCount = 0

  public init(
    parameters: [Parameter], learningRate: Double, momentum: Double = 0, nesterov: Bool = false,
    weightDecay: Double = 0
  ) {
    self.parameters = parameters
    self.learningRate = learningRate
    self.momentum = momentum
    self.nesterov = nesterov
    self.weightDecay = weightDecay
    velocities = momentum > 0 ? parameters.map { Tensor(zeros: $0.shape) } : []
  }

  public func step() {
    let (lr, mu, wd) = (Float(learningRate), Float(momentum), Float(weightDecay))
    let first = stepCount == 0
    let nesterov = self.nesterov
    for (index, parameter) in parameters.enumerated() {
      let p = parameter.value.pointer
      let grad = parameter.gradient.pointer
      let b = velocities.isEmpty ? nil : velocities[index].pointer
      Parallel.forChunks(of: parameter.value.count) { range in
        for i in range {
          var g = grad[i] + wd * p[i]
          if let b {
            b[i] = first ? g : mu * b[i] + g
            g = nesterov ? g + mu * b[i] : b[i]
          }
          p[i] -= lr * g
        }
      }
    }
    stepCount += 1
  }
}
