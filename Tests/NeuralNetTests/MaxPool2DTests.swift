import NeuralNet
import TensorCore
import Testing

@Suite("MaxPool2D")
struct MaxPool2DTests {
  /// A random permutation of the values −1 + 2k/n, k < n: distinct, 2/n apart, so a perturbation
  /// of h = 1e-3 < 1/n (n ≤ 500) never changes which element of a window is the largest.
  static func distinctValues(_ shape: Shape, seed: UInt64) -> Tensor {
    let n = shape.count
    var values = (0..<n).map { Float(-1 + 2 * Double($0) / Double(n)) }
    var g = RandomGenerator(seed: seed)
    g.shuffle(&values)
    return Tensor(values, shape: shape)
  }

  @Test(
    "backward matches finite differences (no ties)",
    arguments: [(2, 2, [2, 3, 6, 6]), (2, 1, [1, 2, 5, 5]), (3, 1, [2, 2, 5, 6]), (3, 2, [1, 3, 7, 8])])
  func gradient(kernel: Int, stride: Int, shape: [Int]) {
    let x = Self.distinctValues(Shape(shape), seed: 3)
    let check = GradientCheck(
      layer: MaxPool2D(kernelSize: kernel, stride: stride), input: x, relativeStep: 1e-3)
    #expect(check.worst < GradientCheck.tolerance, "\(check.errors)")
  }

  /// `max_{u,v} x[b, c, i·s + u, j·s + v]` by direct loops.
  static func directMaxima(_ x: Tensor, kernel k: Int, stride s: Int) -> [Float] {
    let (planes, h, w) = (x.shape[0] * x.shape[1], x.shape[2], x.shape[3])
    var y: [Float] = []
    for p in 0..<planes {
      for i in 0..<((h - k) / s + 1) {
        for j in 0..<((w - k) / s + 1) {
          var m = -Float.infinity
          for u in 0..<k { for v in 0..<k { m = max(m, x[(p * h + i * s + u) * w + j * s + v]) } }
          y.append(m)
        }
      }
    }
    return y
  }

  @Test(
    "forward equals direct loops (the 2×2 fast path and the general path)",
    arguments: [(2, 2), (2, 1), (2, 3), (3, 2), (3, 3)])
  func forwardMatchesDirectLoops(kernel: Int, stride: Int) {
    let x = randomTensor([2, 3, 9, 8], seed: 4)
    let y = MaxPool2D(kernelSize: kernel, stride: stride).forward(x, mode: .training)
    #expect(y.array == Self.directMaxima(x, kernel: kernel, stride: stride))
  }

  @Test("forward takes the window maxima; ties go to the first element; ∂ goes there only")
  func values() {
    let x = Tensor([1, 5, 2, 0, 3, 3, 2, 2, 7, 1, 4, 4, -1, 2, 4, 0], shape: [1, 1, 4, 4])
    let pool = MaxPool2D(kernelSize: 2)
    #expect(pool.forward(x, mode: .training).array == [5, 2, 7, 4])
    let dx = pool.backward(Tensor([1, 2, 3, 4], shape: [1, 1, 2, 2]), needsInputGradient: true)!
    #expect(dx.array == [0, 1, 2, 0, 0, 0, 0, 0, 3, 0, 4, 0, 0, 0, 0, 0])
  }

  @Test("reuses buffers; shape errors name the layer and the window")
  func buffersAndShapes() throws {
    let pool = MaxPool2D(kernelSize: 2)
    expectReusesBuffers(pool, input: Self.distinctValues([2, 3, 6, 6], seed: 1))
    #expect(try pool.outputShape(for: [2, 3, 7, 6]) == [2, 3, 3, 3])
    #expect {
      try MaxPool2D(kernelSize: 3).outputShape(for: [1, 1, 2, 5])
    } throws: { "\($0)".contains("MaxPool2D") && "\($0)".contains("exceeds the input 2×5") }
    #expect(throws: ShapeError.self) { try pool.outputShape(for: [2, 36]) }
  }
}
