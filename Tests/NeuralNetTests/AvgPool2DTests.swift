import NeuralNet
import TensorCore
import Testing

@Suite("AvgPool2D")
struct AvgPool2DTests {
  @Test(
    "backward matches finite differences",
    arguments: [(2, 2, [2, 3, 6, 6]), (3, 1, [2, 2, 5, 6]), (2, 3, [1, 2, 7, 8])])
  func gradient(kernel: Int, stride: Int, shape: [Int]) {
    let check = GradientCheck(
      layer: AvgPool2D(kernelSize: kernel, stride: stride), input: randomTensor(Shape(shape), seed: 2))
    #expect(check.worst < GradientCheck.tolerance, "\(check.errors)")
  }

  @Test("forward averages each window; backward spreads ∂y/k²")
  func values() {
    let x = Tensor((0..<16).map(Float.init), shape: [1, 1, 4, 4])
    let pool = AvgPool2D(kernelSize: 2)
    // Window means of small integers: exact in Float32.
    #expect(pool.forward(x, mode: .training).array == [2.5, 4.5, 10.5, 12.5])
    let dx = pool.backward(Tensor([4, 8, 12, 16], shape: [1, 1, 2, 2]), needsInputGradient: true)!
    #expect(dx.array == [1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4])
  }

  @Test("reuses buffers; shape errors name the layer")
  func buffersAndShapes() {
    expectReusesBuffers(AvgPool2D(kernelSize: 2), input: randomTensor([2, 3, 6, 6], seed: 1))
    #expect {
      try AvgPool2D(kernelSize: 4).outputShape(for: [1, 1, 3, 8])
    } throws: { "\($0)".contains("AvgPool2D") && "\($0)".contains("exceeds the input 3×8") }
  }
}
