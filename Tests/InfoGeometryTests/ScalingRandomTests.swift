import Foundation
import Testing

@testable import InfoGeometry

@Suite("ScalingRandom")
struct ScalingRandomTests {
  // SplitMix64 from state 0: the first output is 0xE220A8397B1DCDAF (the reference value of
  // Vigna's splitmix64.c).
  @Test("reproduces the SplitMix64 reference stream and resamples uniformly")
  func reference() {
    var g = ScalingRandom(seed: 0)
    #expect(g.next() == 0xE220_A839_7B1D_CDAF)
    var counts = [Int](repeating: 0, count: 4)
    for _ in 0..<40_000 { counts[g.integer(below: 4)] += 1 }
    // Each count is Binomial(40000, 1/4): σ ≈ 87, so ±500 is beyond 5σ.
    for c in counts { #expect(abs(c - 10_000) < 500) }
    var h = ScalingRandom(seed: 7)
    var k = ScalingRandom(seed: 7)
    #expect(h.resample(count: 9) == k.resample(count: 9))
  }
}
