import Foundation
import Testing

@testable import Reporting

@Suite("Heatmap")
struct HeatmapTests {
  @Test("row boundaries on a log axis are geometric means; the ends extend by half a neighbour")
  func logRows() {
    let map = Heatmap(times: [1, 100, 10_000], valueEdges: [0, 1], values: [[1], [2], [3]])
    let extents = map.rowExtents(on: .log10)
    // In log10 t the rows sit at 0, 2, 4: boundaries at 1 and 3, ends at −1 and 5 (exact in binary).
    #expect(extents.map(\.lower) == [-1, 1, 3])
    #expect(extents.map(\.upper) == [1, 3, 5])
  }

  @Test("rows at invalid times are skipped, a single row spans ±0.5")
  func invalidRows() {
    let map = Heatmap(times: [0, 10, -5], valueEdges: [0, 1], values: [[1], [2], [3]])
    let extents = map.rowExtents(on: .log10)
    #expect(extents.count == 1)
    #expect(extents.first?.row == 1)
    #expect(extents.first?.lower == 0.5)
    #expect(extents.first?.upper == 1.5)
  }

  @Test("the colour range is the finite values' span unless given; degenerate spans widen")
  func intensity() {
    #expect(
      Heatmap(times: [1], valueEdges: [0, 1, 2], values: [[.nan, 2], [5, .infinity]]).intensityRange == 2...5)
    #expect(Heatmap(times: [1], valueEdges: [0, 1], values: [[3]]).intensityRange == 3...4)
    #expect(Heatmap(times: [1], valueEdges: [0, 1], values: [[3]], range: 0...10).intensityRange == 0...10)
  }
}
