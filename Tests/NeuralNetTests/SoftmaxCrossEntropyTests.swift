import Foundation
import NeuralNet
import TensorCore
import Testing

@Suite("SoftmaxCrossEntropy")
struct SoftmaxCrossEntropyTests {
  @Test("the gradient matches central differences of the loss")
  func gradient() {
    let logits = randomTensor([4, 5], seed: 1)
    let labels: [Int32] = [0, 3, 4, 1]
    let gradient = Tensor(zeros: [4, 5])
    _ = SoftmaxCrossEntropy.lossAndGradient(logits: logits, labels: labels[...], gradient: gradient)
    let h: Float = 1e-2
    var (maxDifference, maxNumeric) = (0.0, 0.0)
    for i in 0..<logits.count {
      let original = logits[i]
      logits[i] = original + h
      let up = SoftmaxCrossEntropy.evaluate(logits: logits, labels: labels[...]).loss
      logits[i] = original - h
      let down = SoftmaxCrossEntropy.evaluate(logits: logits, labels: labels[...]).loss
      logits[i] = original
      let numeric = (up - down) / (Double(original + h) - Double(original - h))
      maxDifference = max(maxDifference, abs(numeric - Double(gradient[i])))
      maxNumeric = max(maxNumeric, abs(numeric))
    }
    // Truncation h²·|ℓ‴|/6 ≲ 2e-5 per entry against entries up to ~0.2: ≲ 1e-4 relative; the
    // loss is summed in Double. Same tolerance as GradientCheck.
    #expect(maxDifference / maxNumeric < GradientCheck.tolerance)
  }

  @Test("zero logits give log(classes) and the gradient (1/C − [j = y]) / B")
  func uniform() {
    let logits = Tensor(zeros: [2, 10])
    let gradient = Tensor(zeros: [20])
    let loss = SoftmaxCrossEntropy.lossAndGradient(logits: logits, labels: [3, 7], gradient: gradient)
    // Summed in Double: exact to ~1e-15.
    #expect(abs(loss - log(10)) < 1e-12)
    #expect(gradient.shape == [2, 10])
    #expect(abs(gradient[3] - (0.1 - 1) / 2) < 1e-7 && abs(gradient[4] - 0.05) < 1e-7)
  }

  @Test("stable for logits of order 1e4: finite loss and gradient with the closed-form value")
  func largeLogits() {
    // Row 0: the true class is 10 below the maximum, loss = log(1 + e¹⁰) + … ; row 1: true is the max.
    let logits = Tensor([10_000, 9_990, -10_000, -20_000, 20_000, 19_999], shape: [2, 3])
    let gradient = Tensor(zeros: [2, 3])
    let loss = SoftmaxCrossEntropy.lossAndGradient(logits: logits, labels: [1, 1], gradient: gradient)
    let row0 = log(1 + exp(-10.0)) + 10
    let row1 = log(1 + exp(-1.0))
    // Logits are exact integers in Float32; the rest is Double arithmetic.
    #expect(abs(loss - (row0 + row1) / 2) < 1e-9)
    #expect(gradient.array.allSatisfy { $0.isFinite })
    let evaluation = SoftmaxCrossEntropy.evaluate(logits: logits, labels: [1, 1])
    #expect(abs(evaluation.loss - loss) < 1e-12 && evaluation.correct == 1)
  }
}
