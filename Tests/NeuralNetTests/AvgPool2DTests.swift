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

  @Test("forward equals direct loops", arguments: [(2, 2), (3, 1), (2, 3)])
  func forwardMatchesDirectLoops(kernel k: Int, stride s: Int) {
    let x = randomTensor([2, 3, 9, 8], seed: 4)
    let y = AvgPool2D(kernelSize: k, stride: s).forward(x, mode: .training)
    var expected: [Double] = []
    for p in 0..<6 {
      for i in 0..<((9 - k) / s + 1) {
        for j in 0..<((8 - k) / s + 1) {
          var sum = 0.0
          for u in 0..<k { for v in 0..<k { sum += Double(x[(p * 9 + i * s + u) * 8 + j * s + v]) } }
          expected.append(sum / Double(k * k))
        }
      }
    }
    // Float32 sums of ≤ 9 terms of O(1): rounding ≲ 1e-6.
    #expect(maxDifference(y.array, expected.map(Float.init)[...]) < 1e-5)
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
