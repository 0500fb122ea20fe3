import Foundation
import Testing

@testable import InfoGeometry

@Suite("TransitionAnalysis")
struct TransitionAnalysisTests {
  @Test("probe", arguments: DifferentiationMethod.allCases)
  func probe(method: DifferentiationMethod) throws {
    let truth = SyntheticCrossover()
    let steps = logSpacedSteps(from: 1, to: 1e5, count: 600)
    for seed: UInt64 in 1...3 {
      let curve = try truth.curve(steps: steps, noise: 0.01, seed: seed)
      let clock = ContinuousClock.now
      let a = try TransitionAnalysis(curve, options: .init(method: method))
      let el = ContinuousClock.now - clock
      let m = a.marker!
      print(method, seed, el, "tc", m.step, "dec", log10(m.step / 1000), "depth", m.minimum.depth, "w", m.minimum.widthDecades, "sig", m.minimum.significance, "str", a.derivative.strength, "spread", m.stability.spreadDecades, m.stability.variants.map { $0.step ?? -1 }, "ncand", a.candidates.count)
    }
  }
}
