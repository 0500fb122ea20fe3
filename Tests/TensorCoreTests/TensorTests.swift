import TensorCore
import Testing

@Suite("Tensor")
struct TensorTests {
  @Test("shares storage by reference; copy() is independent")
  func referenceSemantics() {
    let t = Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])
    let alias = t
    alias[0] = 10
    #expect(t[0] == 10)
    let c = t.copy()
    c[1] = -1
    #expect(t[1] == 2)
    #expect(c.shape == [2, 3] && c.count == 6)
  }

  @Test("reuse keeps a large enough buffer and allocates otherwise")
  func reuse() {
    let t = Tensor(zeros: 4, 8)
    let smaller = Tensor.reuse(t, shape: [3, 8])
    #expect(smaller === t && t.shape == [3, 8] && t.count == 24)
    let larger = Tensor.reuse(t, shape: [5, 8])
    #expect(larger !== t && larger.count == 40)
  }
}
