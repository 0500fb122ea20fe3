import Foundation
import Testing

@testable import InfoGeometry

@Suite("PowerLawFit")
struct ScalingPowerLawFitTests {
  // y = 3·N^0.7 exactly: p = 0.7 and ln A = ln 3 to rounding; χ² = 0.
  @Test("an exact power law is recovered")
  func exact() throws {
    let sizes = [8.0, 16, 32, 64, 128]
    let s = try #require(
      PowerLawFit.solve(sizes: sizes, values: sizes.map { 3 * pow($0, 0.7) }, weights: nil))
    #expect(abs(s.exponent - 0.7) < 1e-12)
    #expect(abs(s.logPrefactor - log(3.0)) < 1e-12)
    #expect((s.reducedChiSquare ?? 1) < 1e-20)
    #expect(PowerLawFit.solve(sizes: [8, 8], values: [1, 2], weights: nil) == nil)
  }

  // y = 2·N^(−0.4)·exp(σε), σ = 0.05 known, over 20 noise seeds. The reported error is the
  // least-squares one scaled by √(χ²/3); unscaled (divided by √(χ²/3)) it must equal the closed
  // form σ/√Σ(u − ū)², u = ln N, and with it z = (p + 0.4)/error is standard normal: at least 17
  // of 20 within 2 (expected 19) and RMS z in 0.6–1.5 (measured below in the expectation message).
  @Test("a noisy power law: the error formula and its coverage")
  func noisy() throws {
    let sizes = [8.0, 16, 32, 64, 128]
    let u = sizes.map { log($0) }
    let mean = u.reduce(0, +) / 5
    let closedForm = 0.05 / sqrt(u.reduce(0) { $0 + ($1 - mean) * ($1 - mean) })
    var z: [Double] = []
    for seed: UInt64 in 1...20 {
      var g = TransitionTestNoise(seed: seed)
      let values = sizes.map { 2 * pow($0, -0.4) * exp(0.05 * g.normal()) }
      let s = try #require(
        PowerLawFit.solve(sizes: sizes, values: values, weights: sizes.map { _ in 1 / (0.05 * 0.05) }))
      let unscaled = try #require(s.exponentError) / sqrt(try #require(s.reducedChiSquare))
      #expect(abs(unscaled / closedForm - 1) < 1e-9)
      z.append((s.exponent + 0.4) / unscaled)
    }
    let rms = sqrt(z.map { $0 * $0 }.reduce(0, +) / Double(z.count))
    #expect(z.filter { abs($0) <= 2 }.count >= 17, "z = \(z)")
    #expect(rms > 0.6 && rms < 1.5, "RMS z = \(rms)")
  }
}
