import TensorCore
import Testing

@testable import NeuralNet

@Suite("ConvolutionGeometry")
struct ConvolutionGeometryTests {
  @Test(
    "fold is the adjoint of unfold: ⟨unfold(x), c⟩ = ⟨x, fold(c)⟩",
    arguments: [(1, 0), (2, 1), (3, 2), (2, 0)])
  func foldIsAdjoint(stride: Int, padding: Int) {
    let g = ConvolutionGeometry(channels: 2, height: 6, width: 5, kernel: 3, stride: stride, padding: padding)
    let positions = g.outputHeight * g.outputWidth
    let x = randomTensor([2, 6, 5], seed: 1)
    let c = randomTensor([g.columnRows, positions], seed: 2)
    let unfolded = Tensor(zeros: [g.columnRows, positions])
    let folded = Tensor(zeros: [2, 6, 5])
    g.unfold(x.pointer, into: unfolded.pointer)
    g.fold(c.pointer, into: folded.pointer)
    let left = zip(unfolded.array, c.array).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
    let right = zip(x.array, folded.array).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
    // Both are sums of ≤ 270 products of O(1) Float32 values; fold adds ≤ 9 terms in Float32 first.
    #expect(abs(left - right) < 1e-4 * max(1, abs(left)))
  }

  @Test("unfold writes zeros in the padding and the input values elsewhere")
  func unfoldValues() {
    // 1 channel, 3×3 input 1…9, kernel 2, stride 1, padding 1: output 4×4.
    let g = ConvolutionGeometry(channels: 1, height: 3, width: 3, kernel: 2, stride: 1, padding: 1)
    let x = Tensor((1...9).map(Float.init), shape: [1, 3, 3])
    let cols = Tensor(zeros: [4, 16])
    g.unfold(x.pointer, into: cols.pointer)
    // Row (u = 0, v = 0): x[i − 1, j − 1].
    #expect(Array(cols.array[0..<16]) == [0, 0, 0, 0, 0, 1, 2, 3, 0, 4, 5, 6, 0, 7, 8, 9])
    // Row (u = 1, v = 1): x[i, j].
    #expect(Array(cols.array[48..<64]) == [1, 2, 3, 0, 4, 5, 6, 0, 7, 8, 9, 0, 0, 0, 0, 0])
  }
}
