import Foundation

/// The seeded SplitMix64 generator behind the bootstrap resampling (InfoGeometry depends on
/// Foundation only, so it carries its own): the same seed gives the same resamples on every
/// platform.
struct ScalingRandom {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform integer in 0..<n (n ≥ 1), by Lemire's multiply-shift (bias below 2⁻⁶⁴·n).
  mutating func integer(below n: Int) -> Int {
    Int(next().multipliedFullWidth(by: UInt64(n)).high)
  }

  /// A uniform deviate in (0, 1).
  mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992 }

  /// A standard normal deviate (Box–Muller).
  mutating func normal() -> Double {
    let r = (-2 * Foundation.log(uniform())).squareRoot()
    return r * cos(2 * Double.pi * uniform())
  }

  /// `count` indices drawn with replacement from 0..<count: one bootstrap resample.
  mutating func resample(count: Int) -> [Int] {
    (0..<count).map { _ in integer(below: count) }
  }
}
