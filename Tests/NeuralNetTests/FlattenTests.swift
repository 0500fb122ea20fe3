import NeuralNet
import TensorCore
import Testing

@Suite("Flatten")
struct FlattenTests {
  @Test("keeps the row-major order; backward restores the input shape; matches finite differences")
  func flatten() throws {
    let x = randomTensor([2, 3, 2, 2], seed: 1)
    let flatten = Flatten()
    #expect(try flatten.outputShape(for: x.shape) == [2, 12])
    let y = flatten.forward(x, mode: .training)
    #expect(y.shape == [2, 12] && y.array == x.array)
    let dx = flatten.backward(y, needsInputGradient: true)!
    #expect(dx.shape == x.shape && dx.array == x.array)
    let check = GradientCheck(layer: flatten, input: x)
    #expect(check.worst < GradientCheck.tolerance, "\(check.errors)")
    expectReusesBuffers(flatten, input: x)
  }
}
