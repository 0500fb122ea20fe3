import Foundation

/// A seedable pseudo-random generator (xoshiro256**, seeded through SplitMix64) whose streams are
/// the same on every machine and every Swift version: the same seed gives the same initial weights
/// and the same batch order everywhere. All derived draws (floats, normals, shuffles) are defined
/// here, never delegated to the standard library, whose algorithms may change.
public struct RandomGenerator: RandomNumberGenerator, Sendable {
  private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
  private var spareNormal: Double?

  public init(seed: UInt64) {
    var x = seed
    func splitMix() -> UInt64 {
      x &+= 0x9E37_79B9_7F4A_7C15
      var z = x
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    s0 = splitMix()
    s1 = splitMix()
    s2 = splitMix()
    s3 = splitMix()
  }

  /// An independent stream derived from this seed and a label (e.g. 1 for weights, 2 for batches).
  public init(seed: UInt64, stream: UInt64) {
    self.init(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
  }

  @inline(__always)
  private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

  public mutating func next() -> UInt64 {
    let result = Self.rotl(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = Self.rotl(s3, 45)
    return result
  }

  /// Uniform in [0, 1) with 53 random bits.
  public mutating func nextDouble() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// Uniform in [low, high).
  public mutating func uniform(_ low: Double, _ high: Double) -> Double {
    low + (high - low) * nextDouble()
  }

  /// A standard normal draw (Box–Muller; the second value of each pair is kept for the next call).
  public mutating func normal() -> Double {
    if let spare = spareNormal {
      spareNormal = nil
      return spare
    }
    var u = nextDouble()
    while u == 0 { u = nextDouble() }
    let v = nextDouble()
    let r = (-2 * log(u)).squareRoot()
    let angle = 2 * Double.pi * v
    spareNormal = r * sin(angle)
    return r * cos(angle)
  }

  /// Uniform in 0..<bound without modulo bias (rejection sampling).
  public mutating func integer(below bound: Int) -> Int {
    precondition(bound > 0)
    let b = UInt64(bound)
    let limit = UInt64.max - UInt64.max % b
    var x = next()
    while x >= limit { x = next() }
    return Int(x % b)
  }

  /// Fisher–Yates shuffle with this generator's own draws.
  public mutating func shuffle<T>(_ array: inout [T]) {
    guard array.count > 1 else { return }
    for i in stride(from: array.count - 1, to: 0, by: -1) {
      array.swapAt(i, integer(below: i + 1))
    }
  }
}
