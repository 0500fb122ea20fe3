import Foundation

@testable import InfoGeometry

/// Seeded SplitMix64 normals for the transition tests (InfoGeometryTests depends on InfoGeometry
/// only, so it carries its own small generator).
struct TransitionTestNoise {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func nextUniform() -> Double {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return (Double(z >> 11) + 0.5) / 9_007_199_254_740_992
  }

  /// A standard normal by Box–Muller.
  mutating func normal() -> Double {
    sqrt(-2 * log(nextUniform())) * cos(2 * Double.pi * nextUniform())
  }
}

/// The synthetic crossover of the issue: y = β₁x + (β₂ − β₁)·w·softplus((x − x_c)/w). Its slope
/// goes from β₁ to β₂ around x_c, and y″ = (β₂ − β₁)/w·σ(s)(1 − σ(s)), s = (x − x_c)/w, has its
/// minimum (β₂ − β₁)/(4w) at x_c when β₂ < β₁.
struct SyntheticCrossover {
  var beta1 = 1.0
  var beta2 = 0.3
  var logCrossover = log(1000.0)
  var width = 0.3

  func y(_ x: Double) -> Double {
    let s = (x - logCrossover) / width
    let softplus = s > 30 ? s : log1p(exp(s))
    return beta1 * x + (beta2 - beta1) * width * softplus
  }

  /// L = exp(y(ln t))·exp(σ·ε) at each step, ε standard normal.
  func curve(steps: [Double], noise sigma: Double, seed: UInt64) throws -> InformationLengthCurve {
    var g = TransitionTestNoise(seed: seed)
    let length = steps.map { exp(y(log($0)) + sigma * g.normal()) }
    return try InformationLengthCurve(steps: steps, length: length)
  }
}

/// Distinct integer steps spaced uniformly in log t from `first` to `last` (about `count`).
func logSpacedSteps(from first: Double, to last: Double, count: Int) -> [Double] {
  var steps: [Double] = []
  for i in 0..<count {
    let t = (first * pow(last / first, Double(i) / Double(count - 1))).rounded()
    if t > (steps.last ?? 0) { steps.append(t) }
  }
  return steps
}
