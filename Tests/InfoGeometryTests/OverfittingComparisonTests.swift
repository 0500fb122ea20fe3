import Foundation
import Testing

@testable import InfoGeometry

@Suite("OverfittingComparison")
struct OverfittingComparisonTests {
  @Test("Δ = log₁₀(t_c / t_ref) for each reference point, in order")
  func deltas() throws {
    let metrics = try OverfittingReferencesTests.metrics()
    let refs = try OverfittingReferences(metrics, options: .init(smoothingWindow: 3))
    let comparison = OverfittingComparison(markerStep: 1000, references: refs)
    #expect(comparison.offsets.map(\.kind) == refs.points.map(\.kind))
    // t_ref = 10^(k/4), so Δ = 3 − k/4 exactly up to rounding of log₁₀.
    let testLoss = try #require(comparison.offsets.first { $0.kind == .testLossMinimum })
    #expect(abs(testLoss.deltaDecades - 1) < 1e-12)
    let accuracy = try #require(comparison.offsets.first { $0.kind == .testAccuracyMaximum })
    #expect(abs(accuracy.deltaDecades - 1.5) < 1e-12)
    let data = try JSONEncoder().encode(comparison)
    #expect(try JSONDecoder().decode(OverfittingComparison.self, from: data) == comparison)
  }
}
