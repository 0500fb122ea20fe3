import TensorCore
import Testing

@Suite("BLAS")
struct BLASTests {
  /// Naive triple loop in Double: the oracle for sgemm.
  func reference(_ a: [Float], _ b: [Float], m: Int, n: Int, k: Int, ta: Bool, tb: Bool) -> [Float] {
    var c = [Float](repeating: 0, count: m * n)
    for i in 0..<m {
      for j in 0..<n {
        var s = 0.0
        for p in 0..<k {
          let x = ta ? a[p * m + i] : a[i * k + p]
          let y = tb ? b[j * k + p] : b[p * n + j]
          s += Double(x) * Double(y)
        }
        c[i * n + j] = Float(s)
      }
    }
    return c
  }

  @Test(
    "gemm agrees with a naive product for every transpose combination",
    arguments: [
      (false, false), (true, false), (false, true), (true, true),
    ])
  func gemm(ta: Bool, tb: Bool) {
    let (m, n, k) = (5, 7, 3)
    var g = RandomGenerator(seed: 11)
    let a = (0..<(m * k)).map { _ in Float(g.normal()) }
    let b = (0..<(k * n)).map { _ in Float(g.normal()) }
    var c = [Float](repeating: 0, count: m * n)
    BLAS.gemm(transposeA: ta, transposeB: tb, m: m, n: n, k: k, a: a, b: b, c: &c)
    let expected = reference(a, b, m: m, n: n, k: k, ta: ta, tb: tb)
    // Float32 sums of 3 products of O(1) terms: error ≲ 3·ε·|terms| ≈ 1e-6; allow 1e-5.
    for (x, y) in zip(c, expected) { #expect(abs(x - y) < 1e-5) }
  }

  @Test(
    "a product split over threads by rows or by columns equals the naive one, with α, β and a wider C",
    arguments: [(false, false), (true, false), (false, true), (true, true)], [(96, 40, 80), (40, 96, 80)])
  func splitProduct(transposes: (Bool, Bool), shape: (Int, Int, Int)) {
    let (ta, tb) = transposes
    let (m, n, k) = shape  // m·n·k = 307 200 ≥ minimumWorkToSplit: tall splits rows, wide splits columns
    #expect(m * n * k >= BLAS.minimumWorkToSplit)
    var g = RandomGenerator(seed: 12)
    let a = (0..<(m * k)).map { _ in Float(g.normal()) }
    let b = (0..<(k * n)).map { _ in Float(g.normal()) }
    let ldc = n + 3
    let start = (0..<(m * ldc)).map { _ in Float(g.normal()) }
    let product = reference(a, b, m: m, n: n, k: k, ta: ta, tb: tb)
    for threads in [1, 2, 3] {
      var c = start
      BLAS.gemm(
        transposeA: ta, transposeB: tb, m: m, n: n, k: k, alpha: 0.5, a: a, b: b, beta: 2, c: &c, ldc: ldc,
        threads: threads)
      // Float32 sums of 80 products of O(1) terms: error ≲ 80·ε·√80 ≈ 1e-4; allow 1e-3. The padding
      // columns beyond n stay untouched.
      for i in 0..<m {
        for j in 0..<ldc {
          let expected = j < n ? 0.5 * product[i * n + j] + 2 * start[i * ldc + j] : start[i * ldc + j]
          #expect(abs(c[i * ldc + j] - expected) < 1e-3)
        }
      }
    }
  }
}
