import Foundation
import Testing

@testable import InfoGeometry

@Suite("TransitionAnalysis")
struct TransitionAnalysisTests {
  @Test("probe none")
  func probe() throws {
    let steps = logSpacedSteps(from: 1, to: 1e5, count: 600)
    for seed: UInt64 in 1...4 {
      var g = TransitionTestNoise(seed: seed)
      let curve = try InformationLengthCurve(steps: steps, length: steps.map { 0.1 * pow($0, 0.7) * exp(0.01 * g.normal()) })
      for method in DifferentiationMethod.allCases {
      let a = try TransitionAnalysis(curve, options: .init(method: method))
      if let m = a.marker {
      print(method, seed, "tc", m.step, "sig", m.minimum.significance, "spread", m.stability.spreadDecades, m.weaknesses, "ncand", a.candidates.count)
      } else { print(method, seed, "none") }
      }
    }
  }
}
