import Foundation
import NeuralNet
import TensorCore

/// Adam and AdamW with PyTorch's semantics (`torch.optim.Adam`, `torch.optim.AdamW`, amsgrad off):
///
/// ```
/// Adam:  g ← ∇θ + λ·θ            AdamW:  θ ← θ·(1 − η·λ),  g ← ∇θ
/// m ← β₁·m + (1 − β₁)·g
/// v ← β₂·v + (1 − β₂)·g²
/// θ ← θ − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
/// ```
/// with t the 1-based step count.
public final class Adam: Optimizer {
  /// Where weight decay enters: added to the gradient (Adam) or applied to the weights (AdamW).
  public enum WeightDecay: String, Sendable {
    case coupled = "adam"
    case decoupled = "adamw"
  }

  public let parameters: [Parameter]
  public var learningRate: Double
  public let beta1: Double
  public let beta2: Double
  public let epsilon: Double
  public let weightDecay: Double
  public let decayMode: WeightDecay
  private let firstMoments: [Tensor]
  private let secondMoments: [Tensor]
  private var stepCount = 0

  public init(
    parameters: [Parameter], learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999,
    epsilon: Double = 1e-8, weightDecay: Double = 0, decayMode: WeightDecay = .coupled
  ) {
    self.parameters = parameters
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    self.weightDecay = weightDecay
    self.decayMode = decayMode
    firstMoments = parameters.map { Tensor(zeros: $0.shape) }
    secondMoments = parameters.map { Tensor(zeros: $0.shape) }
  }

  /// AdamW: Adam with decoupled weight decay (PyTorch's default λ = 0.01).
  public static func adamW(
    parameters: [Parameter], learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999,
    epsilon: Double = 1e-8, weightDecay: Double = 0.01
  ) -> Adam {
    Adam(
      parameters: parameters, learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
      weightDecay: weightDecay, decayMode: .decoupled)
  }

  public func step() {
    stepCount += 1
    let t = Double(stepCount)
    let stepSize = Float(learningRate / (1 - pow(beta1, t)))
    let rootCorrection2 = Float((1 - pow(beta2, t)).squareRoot())
    let (b1, b2, eps) = (Float(beta1), Float(beta2), Float(epsilon))
    let coupled = decayMode == .coupled ? Float(weightDecay) : 0
    let shrink = decayMode == .decoupled ? Float(1 - learningRate * weightDecay) : 1
    for (index, parameter) in parameters.enumerated() {
      let p = parameter.value.pointer
      let grad = parameter.gradient.pointer
      let m = firstMoments[index].pointer
      let v = secondMoments[index].pointer
      Parallel.forChunks(of: parameter.value.count) { range in
        for i in range {
          p[i] *= shrink
          let g = grad[i] + coupled * p[i]
          m[i] = b1 * m[i] + (1 - b1) * g
          v[i] = b2 * v[i] + (1 - b2) * g * g
          p[i] -= stepSize * m[i] / (v[i].squareRoot() / rootCorrection2 + eps)
        }
      }
    }
  }
}
