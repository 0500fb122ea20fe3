import TensorCore
import Testing

@Suite("RandomGenerator")
struct RandomGeneratorTests {
  @Test("the same seed gives the same stream; another seed another stream")
  func reproducible() {
    var a = RandomGenerator(seed: 42)
    var b = RandomGenerator(seed: 42)
    var c = RandomGenerator(seed: 43)
    let xa = (0..<8).map { _ in a.next() }
    #expect(xa == (0..<8).map { _ in b.next() })
    #expect(xa != (0..<8).map { _ in c.next() })
  }

  @Test("xoshiro256** matches its reference output for a known state")
  func referenceValue() {
    // SplitMix64 from seed 0 yields 0xE220A8397B1DCDAF as its first output (Vigna's reference
    // implementation); our state therefore starts with that word, and the first xoshiro256** output
    // is rotl(s1 * 5, 7) * 9 of the second SplitMix64 word 0x6E789E6AA1B965F4.
    var g = RandomGenerator(seed: 0)
    let s1: UInt64 = 0x6E78_9E6A_A1B9_65F4
    let x = s1 &* 5
    #expect(g.next() == ((x << 7) | (x >> 57)) &* 9)
  }

  @Test("uniform doubles have mean 1/2 and variance 1/12; normals mean 0, variance 1")
  func moments() {
    var g = RandomGenerator(seed: 7)
    let n = 200_000
    let u = (0..<n).map { _ in g.nextDouble() }
    let z = (0..<n).map { _ in g.normal() }
    func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }
    func variance(_ x: [Double]) -> Double {
      let m = mean(x)
      return x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)
    }
    // Standard errors: uniform mean 0.289/√n ≈ 6.5e-4, normal variance √(2/n) ≈ 3.2e-3; 5σ bounds.
    #expect(abs(mean(u) - 0.5) < 3.3e-3)
    #expect(abs(variance(u) - 1.0 / 12) < 1e-3)
    #expect(abs(mean(z)) < 1.2e-2)
    #expect(abs(variance(z) - 1) < 1.6e-2)
  }

  @Test("shuffle is a permutation and depends on the seed")
  func shuffle() {
    var g = RandomGenerator(seed: 1)
    var a = Array(0..<100)
    g.shuffle(&a)
    #expect(a.sorted() == Array(0..<100))
    #expect(a != Array(0..<100))
    var h = RandomGenerator(seed: 1)
    var b = Array(0..<100)
    h.shuffle(&b)
    #expect(a == b)
  }

  @Test("integer(below:) covers its range evenly")
  func boundedIntegers() {
    var g = RandomGenerator(seed: 3)
    var counts = [Int](repeating: 0, count: 7)
    for _ in 0..<70_000 { counts[g.integer(below: 7)] += 1 }
    // Each count is Binomial(70000, 1/7): mean 10000, sd ≈ 93; allow 6 sd.
    #expect(counts.allSatisfy { abs($0 - 10_000) < 560 })
  }
}
