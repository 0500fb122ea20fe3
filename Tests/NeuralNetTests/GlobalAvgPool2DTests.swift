import NeuralNet
import TensorCore
import Testing

@Suite("GlobalAvgPool2D")
struct GlobalAvgPool2DTests {
  @Test("backward matches finite differences")
  func gradient() {
    let check = GradientCheck(layer: GlobalAvgPool2D(), input: randomTensor([2, 3, 4, 5], seed: 2))
    #expect(check.worst < GradientCheck.tolerance, "\(check.errors)")
  }

  @Test("forward is the per-channel mean: [b, c, h, w] → [b, c]")
  func values() throws {
    let x = Tensor((0..<12).map(Float.init), shape: [1, 3, 2, 2])
    let pool = GlobalAvgPool2D()
    #expect(try pool.outputShape(for: x.shape) == [1, 3])
    #expect(pool.forward(x, mode: .training).array == [1.5, 5.5, 9.5])
    expectReusesBuffers(pool, input: x)
    #expect { try pool.outputShape(for: [2, 3]) } throws: { "\($0)".contains("GlobalAvgPool2D") }
  }
}
