/// The hot loop (opaque outside the module): bins a contiguous run of values into the two halves'
/// category tables in one pass, and accumulates the values' moments on the way.
///
/// Sixteen values (one split block) at a time, four per SIMD lane group, in the values' own precision
/// (Float for live Float32 parameters): the slot coordinate `u = x·(W/h) + offset` is one multiply-add,
/// clamped branch-free into the table (NaN clamps to the underflow slot). Positions are fixed-point
/// integers: `U = round(u)` is read from the low bits of `u + 1.5·2²³` (Float; 2⁵² for Double), which needs
/// no range checks and is exact for `u < 2²²`; the left slot is `k = U >> s` and the linear-binning share of
/// slot k + 1 is `f = U mod W` (0 for hard binning), in units of 1/W with W = 2^s = ``unit`` the largest
/// power of two ≤ 2¹⁵ that keeps `(K + 3)·W ≤ 2²²`: positions are resolved to 1/W of a bin (2⁻¹⁵ up to 125
/// bins, 2⁻¹⁰ at 4,093), never more than 4 times coarser than Float resolves `u` itself at that K.
///
/// Each value costs one integer addition to a 64-bit table entry: entry k holds, in its low 32 bits, the
/// number of values whose left slot is k, and in its high 32 bits the sum of their shares f. Slot k then
/// holds mass `W·count_k − F_k + F_{k−1}` units (see ``HistogramTableSums``). The additions are exact and
/// independent of the order in which chunks are summed. A chunk of at most ``maximumChunk`` values keeps
/// both halves of an entry below 2³² (counts ≤ 2¹⁶, share sums < 2¹⁶·2¹⁵), so they never carry into each
/// other. Tables have `K + 2` entries (underflow, K bins, overflow); at the upper clamp f = 0.
public struct HistogramKernel: Sendable {
  /// Largest run of values one table may receive (2¹⁶ · 2¹⁵ = 2³¹ < 2³²).
  static let maximumChunk = 1 << 16
  /// Largest grid the kernel can address: (K + 3)·W ≤ 2²² with W ≥ 1.
  static let maximumBinCount = (1 << 22) - 3
  let scheme: BinningScheme
  /// log₂ of the fixed-point unit W.
  let shift: Int
  let slotScale: Double
  let slotOffset: Double
  let top: Double
  let centre: Double

  /// Fixed-point unit of mass W: one value contributes `unit` to the table.
  var unit: UInt32 { 1 << UInt32(shift) }

  /// Entries of one half's table for a grid of K bins.
  static func tableLength(binCount: Int) -> Int { binCount + 2 }

  init(grid: HistogramGrid, scheme: BinningScheme) {
    self.scheme = scheme
    let slots = grid.binCount + 3
    var shift = 15
    while shift > 0 && slots << shift > 1 << 22 { shift -= 1 }
    self.shift = shift
    let w = Double(1 << shift)
    // Hard binning: slot = ⌊(x − lower)/h⌋ + 1. Linear: slot centres sit at integer u, bin k's centre at k+1.
    let offset = scheme == .nearest ? 1.0 : 0.5
    slotScale = w / grid.binWidth
    slotOffset = (offset - grid.lowerEdge / grid.binWidth) * w
    top = Double(grid.binCount + 1) * w
    centre = (grid.lowerEdge + grid.upperEdge) / 2
  }

  /// Bins `values[range]` of the tensor with split salt `salt`; `range.lowerBound` must be a multiple of
  /// ``HalfSplit/blockSize`` and the range at most ``maximumChunk`` long. Adds to the entries of
  /// `tableA`/`tableB` (``tableLength(binCount:)`` each), counts to `countA`/`countB`.
  @inline(__always)
  func accumulate<Scalar: HistogramScalar>(
    _ values: UnsafeBufferPointer<Scalar>, range: Range<Int>, salt: UInt64,
    tableA: UnsafeMutablePointer<UInt64>, tableB: UnsafeMutablePointer<UInt64>,
    countA: inout Int, countB: inout Int, moments: inout SampleMoments
  ) {
    guard let base = values.baseAddress else { return }
    let c = SIMD4<Scalar>(repeating: Scalar(centre))
    let scale = SIMD4<Scalar>(repeating: Scalar(slotScale))
    let offset = SIMD4<Scalar>(repeating: Scalar(slotOffset))
    let top = Scalar(self.top)
    let shift = UInt64(self.shift)
    let mask = scheme == .linear ? UInt64(unit - 1) : 0
    let raw = UnsafeRawPointer(base)
    let stride = MemoryLayout<Scalar>.stride
    // Lane by lane `x < lo ? x : lo` and the clamps below compile to packed min/max; a NaN never becomes
    // the minimum or maximum, and clamps to slot 0.
    var lo = SIMD4<Scalar>(repeating: .infinity)
    var hi = SIMD4<Scalar>(repeating: -.infinity)
    var sum = SIMD2<Double>()
    var sumOfSquares = SIMD2<Double>()
    var inA = 0
    @inline(__always) func add(_ position: UInt64, _ table: UnsafeMutablePointer<UInt64>) {
      table[Int(truncatingIfNeeded: position &>> shift)] &+= ((position & mask) &<< 32) | 1
    }
    @inline(__always) func bin(_ x: SIMD4<Scalar>, _ table: UnsafeMutablePointer<UInt64>) {
      var u = x * scale + offset
      for l in 0..<4 {
        u[l] = u[l] > 0 ? u[l] : 0
        u[l] = u[l] < top ? u[l] : top
      }
      let p = unsafeBitCast(Scalar.roundedPositions(u), to: SIMD2<UInt64>.self)
      add(p[0] & 0xFFFF_FFFF, table)
      add(p[0] &>> 32, table)
      add(p[1] & 0xFFFF_FFFF, table)
      add(p[1] &>> 32, table)
    }
    @inline(__always) func load(_ i: Int) -> SIMD4<Scalar> {
      raw.loadUnaligned(fromByteOffset: i &* stride, as: SIMD4<Scalar>.self)
    }
    @inline(__always) func addMoments(_ s: SIMD4<Scalar>, _ q: SIMD4<Scalar>) {
      sum += SIMD2(s[0].doubleValue + s[2].doubleValue, s[1].doubleValue + s[3].doubleValue)
      sumOfSquares += SIMD2(q[0].doubleValue + q[2].doubleValue, q[1].doubleValue + q[3].doubleValue)
    }
    var start = range.lowerBound
    while start &+ HalfSplit.blockSize <= range.upperBound {
      let isA = HalfSplit.isInHalfA(salt: salt, block: start / HalfSplit.blockSize)
      let table = isA ? tableA : tableB
      let x0 = load(start)
      let x1 = load(start &+ 4)
      let x2 = load(start &+ 8)
      let x3 = load(start &+ 12)
      bin(x0, table)
      bin(x1, table)
      bin(x2, table)
      bin(x3, table)
      let d0 = x0 - c
      let d1 = x1 - c
      let d2 = x2 - c
      let d3 = x3 - c
      addMoments((d0 + d1) + (d2 + d3), (d0 * d0 + d1 * d1) + (d2 * d2 + d3 * d3))
      for l in 0..<4 {
        let a = x0[l] < x1[l] ? x0[l] : x1[l]
        let b = x2[l] < x3[l] ? x2[l] : x3[l]
        let m = a < b ? a : b
        lo[l] = m < lo[l] ? m : lo[l]
        let e = x0[l] > x1[l] ? x0[l] : x1[l]
        let f = x2[l] > x3[l] ? x2[l] : x3[l]
        let g = e > f ? e : f
        hi[l] = g > hi[l] ? g : hi[l]
      }
      if isA { inA &+= HalfSplit.blockSize }
      start &+= HalfSplit.blockSize
    }
    // A last block of fewer than 16 values (only at the end of a tensor), one value at a time in lane 0.
    if start < range.upperBound {
      let isA = HalfSplit.isInHalfA(salt: salt, block: start / HalfSplit.blockSize)
      let table = isA ? tableA : tableB
      for i in start..<range.upperBound {
        let x = SIMD4(repeating: base[i])
        var u = x * scale + offset
        u[0] = u[0] > 0 ? u[0] : 0
        u[0] = u[0] < top ? u[0] : top
        add(UInt64(Scalar.roundedPositions(u)[0]), table)
        let d = x[0] - c[0]
        addMoments(SIMD4(d, 0, 0, 0), SIMD4(d * d, 0, 0, 0))
        lo[0] = x[0] < lo[0] ? x[0] : lo[0]
        hi[0] = x[0] > hi[0] ? x[0] : hi[0]
      }
      if isA { inA &+= range.upperBound - start }
    }
    countA += inA
    countB += range.count - inA
    let minimum = min(min(lo[0], lo[1]), min(lo[2], lo[3]))
    let maximum = max(max(hi[0], hi[1]), max(hi[2], hi[3]))
    moments.addPartial(
      count: range.count, sum: sum[0] + sum[1], sumOfSquares: sumOfSquares[0] + sumOfSquares[1],
      minimum: minimum.doubleValue, maximum: maximum.doubleValue)
  }
}

/// The sums of the kernel's per-chunk tables for one group, and their conversion to a ``SplitHistogram``.
///
/// Counts and share sums are added separately (as 64-bit integers, exact for up to 2³² values per slot
/// and 2⁴⁹ in shares), so the order in which chunks are added does not change the result.
struct HistogramTableSums {
  let grid: HistogramGrid
  let unit: UInt32
  /// Per half (A then B) and entry k: the number of values whose left slot is k.
  private var counts: [UInt64]
  /// Per half (A then B) and entry k: the sum of those values' shares of slot k + 1, in units of 1/W.
  private var shares: [UInt64]
  private var elementCountA = 0
  private var elementCountB = 0

  /// Empty sums for the kernel's tables on `grid`.
  init(grid: HistogramGrid, unit: UInt32) {
    self.grid = grid
    self.unit = unit
    counts = [UInt64](repeating: 0, count: 2 * HistogramKernel.tableLength(binCount: grid.binCount))
    shares = counts
  }

  /// Adds one chunk's tables (half A's ``HistogramKernel/tableLength(binCount:)`` entries, then half B's)
  /// and its element counts.
  mutating func add(tables: UnsafePointer<UInt64>, countA: Int, countB: Int) {
    counts.withUnsafeMutableBufferPointer { n in
      shares.withUnsafeMutableBufferPointer { f in
        for e in n.indices {
          n[e] &+= tables[e] & 0xFFFF_FFFF
          f[e] &+= tables[e] &>> 32
        }
      }
    }
    elementCountA += countA
    elementCountB += countB
  }

  /// The histogram, in masses of values: slot s holds `(W·count_s − F_s + F_{s−1}) / W`. At the upper
  /// clamp linear binning assigns the next slot nothing (F of the overflow entry is 0); the overflow
  /// category keeps `W·count + F_{K}` anyway, so that no mass can be lost.
  var histogram: SplitHistogram {
    var h = SplitHistogram(grid: grid)
    let length = HistogramKernel.tableLength(binCount: grid.binCount)
    let w = UInt64(unit)
    func masses(_ offset: Int) -> [Double] {
      (0..<length).map { s in
        let left = s > 0 ? shares[offset + s - 1] : 0
        let own = s == length - 1 ? 0 : shares[offset + s]
        return Double(w &* counts[offset + s] &- own &+ left) / Double(w)
      }
    }
    h.countsA = masses(0)
    h.countsB = masses(length)
    h.elementCountA = elementCountA
    h.elementCountB = elementCountB
    return h
  }
}

/// The parameter precisions the monitor bins (Float32 and Float64). Each conformance instantiates the kernel
/// for its own type, so the hot loop is compiled for concrete Float or Double arithmetic, also for callers
/// outside the module (the tests), which would otherwise run the generic kernel unspecialised (measured:
/// the InfoGeometry tests took 38 s instead of about 1 s).
public protocol HistogramScalar: BinaryFloatingPoint, SIMDScalar, Sendable {
  /// The value as a Double (a concrete conversion; the generic `Double(_:)` is slow in the hot loop).
  var doubleValue: Double { get }
  /// The nearest integers to values already clamped into [0, 2²²], without the range checks of `Int(_:)`.
  static func roundedPositions(_ u: SIMD4<Self>) -> SIMD4<UInt32>
  /// Bins `values[range]`; see ``HistogramKernel/accumulate(_:range:salt:tableA:tableB:countA:countB:moments:)``.
  static func accumulate(
    _ kernel: HistogramKernel, _ values: UnsafeBufferPointer<Self>, range: Range<Int>, salt: UInt64,
    tableA: UnsafeMutablePointer<UInt64>, tableB: UnsafeMutablePointer<UInt64>,
    countA: inout Int, countB: inout Int, moments: inout SampleMoments)
  /// Sums `values[range]` against the previous copy and overwrites the copy; see
  /// ``ParameterCopy/accumulate(_:range:previous:hasPrevious:)``.
  static func accumulateDisplacement(
    _ values: UnsafeBufferPointer<Self>, range: Range<Int>, previous: UnsafeMutablePointer<Self>,
    hasPrevious: Bool
  ) -> DisplacementSums
}

extension Float: HistogramScalar {
  @inline(__always) public var doubleValue: Double { Double(self) }
  /// Adding 1.5·2²³ leaves the integer nearest to each lane in the low mantissa bits (round to nearest even).
  @inline(__always) public static func roundedPositions(_ u: SIMD4<Float>) -> SIMD4<UInt32> {
    unsafeBitCast(u + SIMD4(repeating: 12_582_912), to: SIMD4<UInt32>.self) &- 0x4B40_0000
  }
  public static func accumulate(
    _ kernel: HistogramKernel, _ values: UnsafeBufferPointer<Float>, range: Range<Int>, salt: UInt64,
    tableA: UnsafeMutablePointer<UInt64>, tableB: UnsafeMutablePointer<UInt64>,
    countA: inout Int, countB: inout Int, moments: inout SampleMoments
  ) {
    kernel.accumulate(
      values, range: range, salt: salt, tableA: tableA, tableB: tableB, countA: &countA, countB: &countB,
      moments: &moments)
  }
  public static func accumulateDisplacement(
    _ values: UnsafeBufferPointer<Float>, range: Range<Int>, previous: UnsafeMutablePointer<Float>,
    hasPrevious: Bool
  ) -> DisplacementSums {
    ParameterCopy<Float>.accumulate(values, range: range, previous: previous, hasPrevious: hasPrevious)
  }
}

extension Double: HistogramScalar {
  @inline(__always) public var doubleValue: Double { self }
  /// Adding 1.5·2⁵² leaves the integer nearest to each lane in the low bits (round to nearest even).
  @inline(__always) public static func roundedPositions(_ u: SIMD4<Double>) -> SIMD4<UInt32> {
    SIMD4<UInt32>(
      truncatingIfNeeded: unsafeBitCast(u + SIMD4(repeating: 6_755_399_441_055_744), to: SIMD4<UInt64>.self))
  }
  public static func accumulate(
    _ kernel: HistogramKernel, _ values: UnsafeBufferPointer<Double>, range: Range<Int>, salt: UInt64,
    tableA: UnsafeMutablePointer<UInt64>, tableB: UnsafeMutablePointer<UInt64>,
    countA: inout Int, countB: inout Int, moments: inout SampleMoments
  ) {
    kernel.accumulate(
      values, range: range, salt: salt, tableA: tableA, tableB: tableB, countA: &countA, countB: &countB,
      moments: &moments)
  }
  public static func accumulateDisplacement(
    _ values: UnsafeBufferPointer<Double>, range: Range<Int>, previous: UnsafeMutablePointer<Double>,
    hasPrevious: Bool
  ) -> DisplacementSums {
    ParameterCopy<Double>.accumulate(values, range: range, previous: previous, hasPrevious: hasPrevious)
  }
}
