import Foundation
import Testing

@testable import InfoGeometry

@Suite("ScalingEstimate")
struct ScalingEstimateTests {
  // The replicates 1…101 (shuffled): the 2.5% and 97.5% percentiles at positions 2.5 and 97.5
  // are 3.5 and 98.5; the standard deviation of 1…n is √(n(n+1)/12) = √(101·102/12).
  @Test("percentile interval and standard deviation of replicates")
  func percentiles() {
    let replicates = (1...101).map(Double.init).sorted { sin($0) < sin($1) }
    let e = ScalingEstimate(value: 51, standardError: 2, replicates: replicates + [.nan])
    #expect(e.lower == 3.5)
    #expect(e.upper == 98.5)
    #expect(abs((e.bootstrapStandardError ?? 0) - sqrt(101 * 102 / 12.0)) < 1e-12)
    let negated = e.negated
    #expect(negated.value == -51 && negated.lower == -98.5 && negated.upper == -3.5)
    #expect(negated.standardError == 2)
  }

  @Test("fewer than the minimum of replicates leave the bootstrap fields empty")
  func tooFew() {
    let e = ScalingEstimate(value: 1, replicates: [1, 2, 3])
    #expect(e.lower == nil && e.upper == nil && e.bootstrapStandardError == nil)
  }
}
