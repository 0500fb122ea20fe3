import Testing

@testable import InfoGeometry

@Suite("HistogramGrid")
struct HistogramGridTests {
  @Test("a fixed range splits into equal bins with exact edges")
  func fixedRange() throws {
    let g = try HistogramGrid(lower: -1, upper: 3, binCount: 8)
    #expect(g.binWidth == 0.5)
    #expect(g.lowerEdge == -1 && g.upperEdge == 3)
    #expect(g.centre(ofBin: 0) == -0.75)
  }

  @Test("invalid grids are rejected with a message naming the problem")
  func invalid() {
    #expect(throws: GeometryError.self) { try HistogramGrid(lower: 1, upper: 1, binCount: 4) }
    #expect(throws: GeometryError.self) { try HistogramGrid(lower: 0, upper: 1, binCount: 0) }
    #expect(throws: GeometryError.self) {
      try HistogramGrid(origin: 0, binWidth: -1, firstIndex: 0, binCount: 3)
    }
  }

  @Test("coarsening merges bins by lattice index, also for negative indices")
  func coarsening() throws {
    let g = try HistogramGrid(origin: 0, binWidth: 0.25, firstIndex: -5, binCount: 9)  // indices −5 … 3
    let c = g.coarsened(by: 4)  // ⌊−5/4⌋ = −2 … ⌊3/4⌋ = 0
    #expect(c.firstIndex == -2 && c.binCount == 3 && c.binWidth == 1)
    #expect(c.lowerEdge <= g.lowerEdge && c.upperEdge >= g.upperEdge)
  }

  @Test("covering grows the lattice by whole bins with headroom and keeps the anchor")
  func covering() throws {
    let g = try HistogramGrid(origin: 0, binWidth: 0.5, firstIndex: 0, binCount: 4)  // [0, 2)
    let grown = g.covering(lower: -0.7, upper: 2.2, headroom: 1)
    #expect(grown.firstIndex == -3 && grown.lowerEdge == -1.5)
    #expect(grown.upperEdge == 3)
    #expect(g.covering(lower: 0.1, upper: 1.9, headroom: 5) == g)
    // A diverging value does not grow the grid without bound.
    #expect(g.covering(lower: 0, upper: 1e30, headroom: 1, maximumBinCount: 1_000) == g)
  }

  @Test(
    "the default bin count follows clamp(⌊√N/4⌋, 16, 256)",
    arguments: [(100, 16), (160_000, 100), (10_000_000, 256)])
  func defaultBins(n: Int, k: Int) {
    #expect(HistogramGrid.defaultBinCount(parameterCount: n) == k)
  }
}
