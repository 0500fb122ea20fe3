import Foundation

@testable import InfoGeometry

/// The synthetic size sweep of the scaling tests: at size N,
/// y″(x; N) = −N^ζ·exp(−((x − x_c)·N^(1/ν))²/2) on a grid of its own (a different range and
/// length per size), with Gaussian noise of σ = noise·N^ζ per point; the marker drifts as
/// ln t_c(N) = x_c + c·N^(−1/ν); depth N^ζ and width (the full width at half depth,
/// 2√(2 ln 2)·N^(−1/ν) in ln t, in decades) carry 2% noise per seed.
struct ScalingSyntheticFamily {
  var criticalX = log(1000.0)
  var nu = 2.0
  var zeta = 0.5
  var shiftAmplitude = 2.0
  var sizes: [Double] = [16, 32, 64, 128, 256]
  var noise = 0.02

  var truth: CollapseParameters { CollapseParameters(criticalX: criticalX, nu: nu, zeta: zeta) }

  func curveValue(_ x: Double, size: Double) -> Double {
    let s = (x - criticalX) * pow(size, 1 / nu)
    return -pow(size, zeta) * exp(-s * s / 2)
  }

  /// The grid of size index k: 60 + 8k points over [x_c − (4 + 0.3k)·σ_N, x_c + (4.5 − 0.2k)·σ_N],
  /// σ_N = N^(−1/ν) the width of the dip.
  func grid(_ k: Int) -> [Double] {
    let width = pow(sizes[k], -1 / nu)
    let lo = criticalX - (4 + 0.3 * Double(k)) * width
    let hi = criticalX + (4.5 - 0.2 * Double(k)) * width
    let count = 60 + 8 * k
    return (0..<count).map { lo + (hi - lo) * Double($0) / Double(count - 1) }
  }

  /// `seeds` runs per size; with `givenErrors` each curve carries its true σ as `curve.errors`.
  func observations(seeds: Int, noiseSeed: UInt64, givenErrors: Bool) -> [ScalingObservation] {
    var g = TransitionTestNoise(seed: noiseSeed)
    var result: [ScalingObservation] = []
    for (k, n) in sizes.enumerated() {
      let x = grid(k)
      let sigma = noise * pow(n, zeta)
      for seed in 0..<seeds {
        let y = x.map { curveValue($0, size: n) + sigma * g.normal() }
        let width = 2 * sqrt(2 * log(2.0)) * pow(n, -1 / nu) / log(10.0)
        result.append(
          ScalingObservation(
            hiddenWidth: n, parameterCount: 10 * n * n, seed: seed,
            markerStep: exp(criticalX + shiftAmplitude * pow(n, -1 / nu) + 0.01 * g.normal()),
            depth: pow(n, zeta) * (1 + 0.02 * g.normal()), widthDecades: width * (1 + 0.02 * g.normal()),
            curve: .init(x: x, y: y, errors: givenErrors ? x.map { _ in sigma } : nil)))
      }
    }
    return result
  }
}
