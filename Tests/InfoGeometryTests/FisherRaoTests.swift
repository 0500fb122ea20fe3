import Foundation
import Testing

@testable import InfoGeometry

/// A density family with a distance, for the metric properties every family must have.
struct MetricFamily: CustomStringConvertible, Sendable {
  let description: String
  let point: @Sendable (inout TestRandom) -> [Double]
  let distance: @Sendable ([Double], [Double]) -> Double

  static let all: [MetricFamily] = [
    MetricFamily(
      description: "categorical (Fisher–Rao)", point: { $0.histogram(12) },
      distance: { FisherRao.categoricalDistance($0, $1) }),
    MetricFamily(
      description: "categorical (Hellinger form)", point: { $0.histogram(12) },
      distance: { FisherRao.hellingerDistance($0, $1) }),
    MetricFamily(
      description: "univariate Gaussian", point: { r in [r.normal(), exp(r.normal())] },
      distance: { FisherRao.gaussianDistance(mean1: $0[0], std1: $0[1], mean2: $1[0], std2: $1[1]) }),
  ]
}

@Suite("Fisher–Rao geometry")
struct FisherRaoTests {
  // Rounding of sums over ≤ 12 terms and of asin/acosh stays below 1e-12 in these distances.
  let rounding = 1e-12

  @Test(
    "distances are zero on identical points, symmetric, and obey the triangle inequality",
    arguments: MetricFamily.all)
  func metricProperties(family: MetricFamily) {
    var r = TestRandom(seed: 11)
    for _ in 0..<300 {
      let p = family.point(&r)
      let q = family.point(&r)
      let s = family.point(&r)
      #expect(family.distance(p, p) == 0)
      #expect(family.distance(p, q) == family.distance(q, p))
      #expect(family.distance(p, q) >= 0)
      #expect(family.distance(p, s) <= family.distance(p, q) + family.distance(q, s) + rounding)
    }
  }

  @Test("L along a path is at least the direct distance between its ends", arguments: MetricFamily.all)
  func pathLongerThanChord(family: MetricFamily) {
    var r = TestRandom(seed: 12)
    for _ in 0..<50 {
      let points = (0..<6).map { _ in family.point(&r) }
      let steps = zip(points, points.dropFirst()).map { family.distance($0, $1) }
      #expect(InformationPath.length(steps) >= family.distance(points[0], points[5]) - rounding)
    }
  }

  @Test("the Bhattacharyya coefficient lies in [0, 1] and d = 2·arccos(BC)")
  func bhattacharyya() {
    var r = TestRandom(seed: 13)
    for _ in 0..<300 {
      let p = r.histogram(10)
      let q = r.histogram(10)
      let bc = FisherRao.bhattacharyyaCoefficient(p, q)
      #expect(bc >= 0 && bc <= 1)
      let direct = zip(p, q).reduce(0) { $0 + ($1.0 * $1.1).squareRoot() }
      // BC from the Hellinger sum equals the direct sum up to rounding of 10-term sums.
      #expect(abs(bc - direct) < 1e-14)
      #expect(abs(FisherRao.categoricalDistance(p, q) - 2 * acos(min(1, direct))) < 1e-7)
    }
    // Disjoint supports are π apart (4·asin(1) rounds to within 2 ulp of π).
    #expect(abs(FisherRao.categoricalDistance([1, 0], [0, 1]) - Double.pi) < 1e-15)
  }

  @Test("the Hellinger form agrees with Fisher–Rao to second order and never exceeds it")
  func hellingerForm() {
    let p = [0.2, 0.3, 0.5]
    let q = [0.2 + 1e-4, 0.3, 0.5 - 1e-4]
    let d = FisherRao.categoricalDistance(p, q)
    // The two differ by O(d³); d ≈ 1.6e-4 here.
    #expect(abs(FisherRao.hellingerDistance(p, q) - d) < 1e-11)
    #expect(
      FisherRao.hellingerDistance(p, [0.9, 0.1, 0]) <= FisherRao.categoricalDistance(p, [0.9, 0.1, 0]))
  }

  @Test("Gaussian distances match the closed forms of pure width and pure mean changes")
  func gaussianClosedForms() {
    // Width only: d = √2·|ln(σ₂/σ₁)| exactly.
    let width = FisherRao.gaussianDistance(mean1: 0.3, std1: 0.5, mean2: 0.3, std2: 2)
    #expect(abs(width - 2.0.squareRoot() * log(4)) < 1e-14)
    // Mean only, small step: d = Δμ/σ·(1 − Δμ²/(24σ²) + …), so Δμ = 10⁻³σ agrees to 1e-7 relative.
    let shift = FisherRao.gaussianDistance(mean1: 0, std1: 2, mean2: 2e-3, std2: 2)
    #expect(abs(shift / 1e-3 - 1) < 1e-7)
    #expect(FisherRao.gaussianDistance(mean1: 0, std1: 0, mean2: 1, std2: 0) == .infinity)
  }
}
