import NeuralNet
import TensorCore
import Testing

@Suite("Dropout")
struct DropoutTests {
  @Test("backward matches finite differences with the mask held fixed")
  func gradient() {
    let dropout = Dropout(probability: 0.4, seed: 11)
    let stream = dropout.generator
    let check = GradientCheck(layer: dropout, input: randomTensor([4, 6], seed: 2)) {
      dropout.generator = stream
    }
    #expect(check.worst < GradientCheck.tolerance, "\(check.errors)")
  }

  @Test("training zeroes a fraction p and scales the rest by 1/(1 − p); inference is the identity")
  func statistics() {
    let p = 0.3
    let n = 100_000
    let dropout = Dropout(probability: p, seed: 1)
    let x = Tensor(repeating: 2, shape: [100, 1000])
    let y = dropout.forward(x, mode: .training).array
    let zeros = y.filter { $0 == 0 }.count
    // Binomial(n, p): standard deviation √(n·p·(1 − p)) ≈ 145; allow 5σ.
    #expect(abs(Double(zeros) - p * Double(n)) < 5 * (Double(n) * p * (1 - p)).squareRoot())
    #expect(y.allSatisfy { $0 == 0 || $0 == Float(2 / (1 - p)) })
    #expect(dropout.forward(x, mode: .inference) === x)
    #expect(dropout.backward(x, needsInputGradient: true) === x)
  }

  @Test("the same seed gives the same mask; the stream moves on between steps")
  func streams() {
    let x = Tensor(repeating: 1, shape: [1, 64])
    let (a, b) = (Dropout(probability: 0.5, seed: 3), Dropout(probability: 0.5, seed: 3))
    let first = a.forward(x, mode: .training).array
    #expect(b.forward(x, mode: .training).array == first)
    #expect(a.forward(x, mode: .training).array != first)
    // The mask stream is labelled, so it is not the plain stream of the same seed (e.g. the weights').
    var plain = RandomGenerator(seed: 3)
    #expect(Dropout(probability: 0.5, seed: 3).generator.next() != plain.next())
  }

  @Test("reuses its buffers; rejects a probability outside [0, 1]")
  func buffersAndErrors() {
    expectReusesBuffers(Dropout(probability: 0.5, seed: 1), input: randomTensor([3, 5], seed: 1))
    #expect {
      try Dropout(probability: 1.5, seed: 1).outputShape(for: [1, 2])
    } throws: { "\($0)".contains("Dropout") }
  }
}
