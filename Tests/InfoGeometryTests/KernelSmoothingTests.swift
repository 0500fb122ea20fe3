import Foundation
import Testing

@testable import InfoGeometry

@Suite("KernelSmoothing")
struct KernelSmoothingTests {
  /// A histogram on [0, 1) with `binCount` bins whose half A holds `masses` (half B empty).
  static func histogram(_ masses: [Double], underflow: Double = 0, overflow: Double = 0) throws
    -> SplitHistogram
  {
    var h = SplitHistogram(grid: try HistogramGrid(lower: 0, upper: 1, binCount: masses.count))
    h.countsA = [underflow] + masses + [overflow]
    h.elementCountA = Int((masses.reduce(0, +) + underflow + overflow).rounded())
    return h
  }

  @Test(
    "a spike far from the edges spreads with the boxes' variance, close to the bandwidth's",
    arguments: [0.7, 3.0, 11.3])
  func spike(binsPerBandwidth: Double) throws {
    var masses = [Double](repeating: 0, count: 201)
    masses[100] = 1000
    let h = try Self.histogram(masses)
    let kernel = KernelSmoothing(bandwidth: binsPerBandwidth / 201)
    let s = kernel.smoothed(h)
    let bins = Array(s.countsA[1...201])
    let total = bins.reduce(0, +)
    // Mass is redistributed, not created (rounding of the running sums only).
    #expect(abs(total - 1000) < 1e-9)
    let mean = zip(bins.indices, bins).reduce(0) { $0 + Double($1.0) * $1.1 } / total
    let variance =
      zip(bins.indices, bins).reduce(0) { $0 + (Double($1.0) - mean) * (Double($1.0) - mean) * $1.1 } / total
    #expect(abs(mean - 100) < 1e-9)
    // Three boxes of widths wᵢ add (wᵢ² − 1)/12 each, exactly.
    let widths = kernel.boxWidths(binWidth: 1.0 / 201)
    let boxes = widths.reduce(0.0) { $0 + Double($1 * $1 - 1) / 12 }
    #expect(abs(variance - boxes) < 1e-9 * boxes)
    #expect(abs(kernel.effectiveBandwidth(binWidth: 1.0 / 201) * 201 - boxes.squareRoot()) < 1e-9)
    // Odd widths realise the bandwidth only in steps: measured +17% at 0.7 bins (boxes 1, 1, 3), −5.7% at
    // 3 bins (5, 5, 7), −0.3% at 11.3 bins (21, 23, 23).
    #expect(abs(boxes.squareRoot() / binsPerBandwidth - 1) < (binsPerBandwidth < 1 ? 0.2 : 0.06))
  }

  @Test("mass stays on the grid at its edges; under- and overflow and counts are unchanged")
  func edges() throws {
    var r = TestRandom(seed: 5)
    let masses = (0..<40).map { _ in 100 * r.uniform() }
    let h = try Self.histogram(masses, underflow: 7, overflow: 3)
    let s = KernelSmoothing(bandwidth: 0.05).smoothed(h)
    #expect(abs(s.countsA.reduce(0, +) - h.countsA.reduce(0, +)) < 1e-9)
    #expect(s.countsA[0] == 7 && s.countsA[41] == 3)
    #expect(s.elementCountA == h.elementCountA && s.countsB == h.countsB)
    #expect(s.countsA[1...40].allSatisfy { $0 > 0 })
  }

  @Test("a kernel narrower than half a bin leaves the histogram as it is")
  func narrow() throws {
    let h = try Self.histogram([1, 2, 3, 4])
    #expect(KernelSmoothing(bandwidth: 0.1).smoothed(h) == h)
    #expect(KernelSmoothing(bandwidth: -1).bandwidth == 0)
  }

  @Test("Silverman's rule: 0.9·σ·N^(−1/5) for a normal sample, the IQR for a peaked one")
  func silverman() throws {
    // Normal: IQR = 1.349σ, so the rule takes σ.
    #expect(
      abs(
        KernelSmoothing.silvermanBandwidth(standardDeviation: 2, interquartileRange: 2.698, count: 100_000)
          - 0.9 * 2 * 0.1) < 1e-12)
    // Peaked: a narrow IQR wins over a wide σ.
    #expect(
      abs(
        KernelSmoothing.silvermanBandwidth(
          standardDeviation: 2, interquartileRange: 1.34, count: 100_000, factor: 2) - 2 * 0.9 * 0.1) < 1e-12)
    #expect(KernelSmoothing.silvermanBandwidth(standardDeviation: 0, interquartileRange: 0, count: 10) == 0)
    // The IQR read from a uniform histogram on [0, 1) is 0.5, within the quantiles' interpolation.
    let uniform = try Self.histogram([Double](repeating: 250, count: 8))
    #expect(abs(KernelSmoothing.quantile(0.75, of: uniform) - 0.75) < 1e-12)
    #expect(abs(KernelSmoothing.quantile(0.25, of: uniform) - 0.25) < 1e-12)
  }

  @Test("a drifting Gaussian seen through the kernel moves at σ/√(σ² + b²) of its speed")
  func driftBias() throws {
    // Exact masses of N(μ, σ²) on a fine grid, smoothed: the χ² per unit shift approaches 1/(σ² + b²).
    let sigma = 1.0
    let b = 0.5
    let grid = try HistogramGrid(lower: -10, upper: 10, binCount: 2000)
    func masses(_ mu: Double) -> SplitHistogram {
      var h = SplitHistogram(grid: grid)
      for k in 0..<grid.binCount {
        let lo = (grid.lowerEdge + Double(k) * grid.binWidth - mu) / (sigma * 2.0.squareRoot())
        let hi = lo + grid.binWidth / (sigma * 2.0.squareRoot())
        h.countsA[k + 1] = 1e6 * (erf(hi) - erf(lo)) / 2
      }
      h.elementCountA = 1_000_000
      return h
    }
    let kernel = KernelSmoothing(bandwidth: b)
    let dmu = 1e-3
    let step = HistogramStep(from: kernel.smoothed(masses(0)), to: kernel.smoothed(masses(dmu)))
    let speed = step.fisherRao / dmu
    // The boxes' kernel is near-Gaussian with the effective bandwidth; bins of h = 0.01 add h²/12 to the
    // variance of the binned density (both negligible at this tolerance).
    let effective = kernel.effectiveBandwidth(binWidth: grid.binWidth)
    #expect(abs(effective / b - 1) < 0.01)
    #expect(abs(speed / (1 / (sigma * sigma + effective * effective).squareRoot()) - 1) < 2e-3)
  }
}
