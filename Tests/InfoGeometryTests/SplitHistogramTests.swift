import Testing

@testable import InfoGeometry

@Suite("SplitHistogram and the binning kernel")
struct SplitHistogramTests {
  /// Bins `values` on `grid` through the monitor's kernel.
  static func histogram(_ values: [Float], grid: HistogramGrid, scheme: BinningScheme) -> (
    SplitHistogram, SampleMoments
  ) {
    let kernel = HistogramKernel(grid: grid, scheme: scheme)
    var moments = SampleMoments(centre: kernel.centre)
    let length = HistogramKernel.tableLength(binCount: grid.binCount)
    var sums = HistogramTableSums(grid: grid, unit: kernel.unit)
    // One table per chunk of at most maximumChunk values, as the monitor does.
    for start in stride(from: 0, to: values.count, by: HistogramKernel.maximumChunk) {
      var table = [UInt64](repeating: 0, count: 2 * length)
      let summary = table.withUnsafeMutableBufferPointer { t in
        values.withUnsafeBufferPointer { v in
          Float.binChunk(
            v, range: start..<min(v.count, start + HistogramKernel.maximumChunk),
            salt: HalfSplit(seed: 1).salt(tensor: 0),
            target: ChunkTarget(kernel: kernel, tableA: t.baseAddress!, tableB: t.baseAddress! + length),
            copy: nil)
        }
      }
      sums.add(tables: table, countA: summary.countA, countB: summary.countB)
      moments.merge(summary.moments(centre: kernel.centre))
    }
    let h = sums.histogram
    return (h, moments)
  }

  @Test("bin masses plus underflow and overflow sum to 1", arguments: BinningScheme.allCases)
  func massBookkeeping(scheme: BinningScheme) throws {
    var r = TestRandom(seed: 3)
    let values = (0..<10_000).map { _ in Float(r.normal() * 2) } + [.nan, .infinity, -.infinity]
    let grid = try HistogramGrid(lower: -1, upper: 1, binCount: 20)
    let (h, _) = Self.histogram(values, grid: grid, scheme: scheme)
    // Sums of 10⁴ masses of order 1: rounding stays below 1e-12.
    #expect(abs(h.masses.reduce(0, +) - 1) < 1e-12)
    #expect(h.elementCount == values.count)
    // About 62% of N(0, 4) lies outside [−1, 1]; it is kept, not dropped.
    #expect(h.underflowMass > 0.25 && h.overflowMass > 0.25)
    #expect(abs(h.coarsened(by: 3).masses.reduce(0, +) - 1) < 1e-12)
  }

  @Test("hard binning puts a value in its bin; linear binning splits it between the two nearest centres")
  func assignment() throws {
    let grid = try HistogramGrid(lower: 0, upper: 4, binCount: 4)  // centres 0.5, 1.5, 2.5, 3.5
    let (hard, _) = Self.histogram([1.25], grid: grid, scheme: .nearest)
    #expect(hard.masses == [0, 0, 1, 0, 0, 0])
    let (linear, _) = Self.histogram([1.25], grid: grid, scheme: .linear)
    #expect(linear.masses == [0, 0.25, 0.75, 0, 0, 0])
    let (atCentre, _) = Self.histogram([2.5], grid: grid, scheme: .linear)
    #expect(atCentre.masses == [0, 0, 0, 1, 0, 0])
  }

  @Test("full chunks of one value with the largest share keep every unit: count and share sums never carry")
  func fullChunksDoNotCarry() throws {
    let grid = try HistogramGrid(lower: 0, upper: 4, binCount: 4)  // centres 0.5 … 3.5, W = 2¹⁵
    let unit = Double(HistogramKernel(grid: grid, scheme: .linear).unit)
    // u = (x + 0.5)·W = 2W − 1: left slot bin 0 gets 1 unit, bin 1 gets W − 1, the largest share there is.
    let x = Float(1.5 - 1 / unit)
    let n = 2 * HistogramKernel.maximumChunk
    let (h, _) = Self.histogram([Float](repeating: x, count: n), grid: grid, scheme: .linear)
    let expected = [0, Double(n) / unit, Double(n) * (unit - 1) / unit, 0, 0, 0]
    #expect(zip(h.countsA, h.countsB).map { $0 + $1 } == expected)
    #expect(h.elementCount == n)
  }

  @Test("moments from the kernel match a direct computation")
  func moments() throws {
    var r = TestRandom(seed: 4)
    let values = (0..<1_003).map { _ in Float(5 + 0.1 * r.normal()) }
    let (_, m) = Self.histogram(
      values, grid: try HistogramGrid(lower: 4, upper: 6, binCount: 8), scheme: .linear)
    let direct = SampleMoments(of: values.map(Double.init))
    // Float partial sums over 64 blocks of 16 values near the centre: relative error well below 1e-6.
    #expect(abs(m.mean - direct.mean) < 1e-6)
    #expect(abs(m.standardDeviation / direct.standardDeviation - 1) < 1e-4)
    #expect(m.minimum == direct.minimum && m.maximum == direct.maximum && m.count == 1_003)
  }

  @Test("the split puts about half the blocks in each half, the same way every time")
  func split() {
    let s = HalfSplit(seed: 9)
    let inA = (0..<16_000).filter { s.isInHalfA(tensor: 2, index: $0) }.count
    // 1000 blocks of 16: the count of blocks in A is Binomial(1000, 1/2), sd ≈ 16 blocks = 253 values.
    #expect(abs(inA - 8_000) < 5 * 253)
    #expect(s.isInHalfA(tensor: 2, index: 17) == HalfSplit(seed: 9).isInHalfA(tensor: 2, index: 17))
  }

  @Test("embedding into a larger grid of the same lattice keeps every mass")
  func embedding() throws {
    var r = TestRandom(seed: 5)
    let values = (0..<2_000).map { _ in Float(r.normal()) }
    let grid = try HistogramGrid(origin: 0, binWidth: 0.5, firstIndex: -10, binCount: 20)
    let (h, _) = Self.histogram(values, grid: grid, scheme: .linear)
    let big = grid.covering(lower: -9, upper: 9, headroom: 0)
    let e = h.embedded(in: big)
    #expect(e.masses.filter { $0 > 0 }.sorted() == h.masses.filter { $0 > 0 }.sorted())
    #expect(
      FisherRao.categoricalDistance(e.coarsened(by: 2).masses, h.embedded(in: big).coarsened(by: 2).masses)
        == 0)
  }
}
