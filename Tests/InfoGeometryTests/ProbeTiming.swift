import Foundation
import Testing

@testable import InfoGeometry

@Test("timing probe") func timingProbe() {
  var g = TransitionTestNoise(seed: 1)
  let y = (0..<256).map { sin(Double($0) / 30) + 0.01 * g.normal() }
  func time(_ label: String, _ body: () -> Void) {
    let c = ContinuousClock.now
    body()
    print(label, ContinuousClock.now - c)
  }
  time("build") { _ = BandedSPDMatrix(identityPlus: 10, differenceOrder: 2, weights: nil, order: 256) }
  var a = BandedSPDMatrix(identityPlus: 10, differenceOrder: 2, weights: nil, order: 256)
  time("factor") { _ = a.factorize() }
  time("solve") { _ = a.solve(y) }
  time("invdiag") { _ = a.inverseDiagonal() }
  time("gcv") { _ = RegularizedDifferentiation.whittakerGCV(y) }
  let ref = RegularizedDifferentiation.whittakerGCV(y)
  time("tvfit") { _ = RegularizedDifferentiation.totalVariationFit(y, alpha: 1e-4, spacing: 0.03, start: ref.z) }
  time("tvauto") { _ = RegularizedDifferentiation.totalVariationDiscrepancyStrength(y, spacing: 0.03, reference: ref) }
  time("sgfit20") { _ = RegularizedDifferentiation.savitzkyGolayFit(y, halfWidth: 20, spacing: 1) }
  time("sggcv") { _ = RegularizedDifferentiation.savitzkyGolayGCV(y) }
}
