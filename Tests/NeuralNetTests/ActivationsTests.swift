import Foundation
import NeuralNet
import TensorCore
import Testing

@Suite("Activations")
struct ActivationsTests {
  /// Entries with |x| in [0.1, 1.1] and random signs: at least 10 steps h = 1e-2 away from ReLU's kink.
  static func awayFromZero(_ shape: Shape) -> Tensor {
    let t = randomTensor(shape, seed: 4)
    var g = RandomGenerator(seed: 5)
    for i in 0..<t.count { t[i] = (t[i] < 0 ? -1 : 1) * Float(0.1 + g.nextDouble()) }
    return t
  }

  @Test("ReLU backward matches finite differences away from 0")
  func reluGradient() {
    let check = GradientCheck(layer: ReLU(), input: Self.awayFromZero([3, 2, 4, 4]))
    #expect(check.worst < GradientCheck.tolerance, "\(check.errors)")
  }

  @Test("Tanh backward matches finite differences")
  func tanhGradient() {
    let check = GradientCheck(layer: Tanh(), input: randomTensor([3, 10], seed: 6))
    #expect(check.worst < GradientCheck.tolerance, "\(check.errors)")
  }

  @Test("ReLU and Tanh values")
  func values() {
    let x = Tensor([-2, -0.5, 0, 0.5, 3], shape: [1, 5])
    #expect(ReLU().forward(x, mode: .training).array == [0, 0, 0, 0.5, 3])
    let t = Tanh().forward(x, mode: .training).array
    // tanhf is within a few ulps of the exact value.
    #expect(zip(t, x.array).allSatisfy { abs($0 - Float(tanh(Double($1)))) < 1e-6 })
  }

  @Test("activations reuse their buffers")
  func buffers() {
    expectReusesBuffers(ReLU(), input: randomTensor([2, 3], seed: 1))
    expectReusesBuffers(Tanh(), input: randomTensor([2, 3], seed: 1))
  }
}
