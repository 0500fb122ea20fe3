import Foundation
import TensorCore

/// Softmax followed by the negative log-likelihood of the true class, fused and numerically stable:
///
/// ```
/// ℓ_i = logsumexp(z_i) − z_{i, y_i},   loss = (1/B) Σ_i ℓ_i
/// ∂loss/∂z_{ij} = (softmax(z_i)_j − [j = y_i]) / B
/// ```
/// `logits` is `[batch, classes]`; labels are class indices in `0..<classes`. Sums run in Double.
public enum SoftmaxCrossEntropy {
  /// The mean loss and the number of rows whose largest logit is the true class.
  public static func evaluate(logits: Tensor, labels: ArraySlice<Int32>) -> (loss: Double, correct: Int) {
    let (batch, classes) = (logits.shape[0], logits.shape[1])
    var total = 0.0
    var correct = 0
    for i in 0..<batch {
      let z = logits.pointer + i * classes
      let (logSumExp, argmax) = rowStatistics(z, classes)
      let label = Int(labels[labels.startIndex + i])
      total += logSumExp - Double(z[label])
      if argmax == label { correct += 1 }
    }
    return (total / Double(batch), correct)
  }

  /// The mean loss; writes ∂loss/∂logits into `gradient` (reshaped to the logits' shape).
  public static func lossAndGradient(logits: Tensor, labels: ArraySlice<Int32>, gradient: Tensor) -> Double {
    let (batch, classes) = (logits.shape[0], logits.shape[1])
    gradient.reshape(to: logits.shape)
    var total = 0.0
    let scale = 1 / Double(batch)
    for i in 0..<batch {
      let z = logits.pointer + i * classes
      let g = gradient.pointer + i * classes
      let (logSumExp, _) = rowStatistics(z, classes)
      let label = Int(labels[labels.startIndex + i])
      total += logSumExp - Double(z[label])
      for j in 0..<classes { g[j] = Float(exp(Double(z[j]) - logSumExp) * scale) }
      g[label] -= Float(scale)
    }
    return total * scale
  }

  /// log Σ_j exp(z_j), computed as m + log Σ exp(z_j − m) with m = max z, and the index of the maximum.
  @inline(__always)
  static func rowStatistics(_ z: UnsafeMutablePointer<Float>, _ classes: Int) -> (Double, Int) {
    var m = z[0]
    var argmax = 0
    for j in 1..<classes where z[j] > m {
      m = z[j]
      argmax = j
    }
    var sum = 0.0
    for j in 0..<classes { sum += exp(Double(z[j] - m)) }
    return (Double(m) + log(sum), argmax)
  }
}
