import Foundation

@testable import InfoGeometry

/// The transition tests draw from the same seeded SplitMix64 stream as the others (`TestRandom`).
typealias TransitionTestNoise = TestRandom

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
