/// The hot loop (opaque outside the module): bins a contiguous run of values into the two halves'
/// category tables in one pass, and accumulates the values' moments on the way.
///
/// Four values at a time, in the values' own precision (Float for live Float32 parameters): the slot
/// coordinate `u = x·(W/h) + offset` is one multiply-add, clamped branch-free into the table (NaN clamps
/// to the underflow slot). Masses are fixed-point integers: `U = round(u)` is read from the low bits of
/// `u + 1.5·2²³` (Float; 2⁵² for Double), which needs no range checks and is exact for `u < 2²²`; the slot
/// is `U >> s` and the linear-binning share of the next slot `U mod W` (0 for hard binning), with
/// W = 2^s = ``unit`` the largest power of two ≤ 2¹⁵ that keeps `(K + 3)·W ≤ 2²²`: positions are resolved to
/// 1/W of a bin (2⁻¹⁵ up to 125 bins, 2⁻¹⁰ at 4,093), never more than 4 times coarser than Float resolves
/// `u` itself at that K. The table
/// updates are integer additions — exact, and independent of the order in which chunks are summed. A chunk
/// of at most ``maximumChunk`` values cannot overflow a 32-bit slot. Tables have `K + 3` entries:
/// underflow, K bins, overflow, and one spare slot that receives exactly zero mass at the upper clamp.
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

  /// Table length for a grid of K bins.
  static func tableLength(binCount: Int) -> Int { binCount + 3 }

  init(grid: HistogramGrid, scheme: BinningScheme) {
    self.scheme = scheme
    let slots = Self.tableLength(binCount: grid.binCount)
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
  /// ``HalfSplit/blockSize`` and the range at most ``maximumChunk`` long. Adds fixed-point masses to
  /// `tableA`/`tableB`, counts to `countA`/`countB`.
  @inline(__always)
  func accumulate<Scalar: HistogramScalar>(
    _ values: UnsafeBufferPointer<Scalar>, range: Range<Int>, salt: UInt64,
    tableA: UnsafeMutablePointer<UInt32>, tableB: UnsafeMutablePointer<UInt32>,
    countA: inout Int, countB: inout Int, moments: inout SampleMoments
  ) {
    guard let base = values.baseAddress else { return }
    let c = SIMD4<Scalar>(repeating: Scalar(centre))
    let scale = SIMD4<Scalar>(repeating: Scalar(slotScale))
    let offset = SIMD4<Scalar>(repeating: Scalar(slotOffset))
    let top = Scalar(self.top)
    let unit = self.unit
    let shift = self.shift
    let mask = scheme == .linear ? Int(unit - 1) : 0
    let raw = UnsafeRawPointer(base)
    let stride = MemoryLayout<Scalar>.stride
    // Lane by lane `x < lo ? x : lo` and the clamps below compile to packed min/max; a NaN never becomes
    // the minimum or maximum, and clamps to slot 0.
    var lo = SIMD4<Scalar>(repeating: .infinity)
    var hi = SIMD4<Scalar>(repeating: -.infinity)
    @inline(__always) func slots(_ x: SIMD4<Scalar>) -> SIMD4<Int32> {
      var u = x * scale + offset
      for l in 0..<4 {
        u[l] = u[l] > 0 ? u[l] : 0
        u[l] = u[l] < top ? u[l] : top
      }
      return Scalar.roundedIndices(u)
    }
    @inline(__always) func add(_ position: Int32, _ table: UnsafeMutablePointer<UInt32>) {
      let f = UInt32(truncatingIfNeeded: Int(position) & mask)
      let k = Int(position) &>> shift
      table[k] &+= unit &- f
      table[k &+ 1] &+= f
    }
    var start = range.lowerBound
    while start < range.upperBound {
      let end = min(start + HalfSplit.blockSize, range.upperBound)
      let table = HalfSplit.isInHalfA(salt: salt, block: start / HalfSplit.blockSize) ? tableA : tableB
      var s = SIMD4<Scalar>()
      var q = SIMD4<Scalar>()
      var i = start
      while i + 4 <= end {
        let x = raw.loadUnaligned(fromByteOffset: i * stride, as: SIMD4<Scalar>.self)
        let p = slots(x)
        add(p[0], table)
        add(p[1], table)
        add(p[2], table)
        add(p[3], table)
        let d = x - c
        s += d
        q += d * d
        for l in 0..<4 {
          lo[l] = x[l] < lo[l] ? x[l] : lo[l]
          hi[l] = x[l] > hi[l] ? x[l] : hi[l]
        }
        i += 4
      }
      // The run's last values (fewer than 4, only at its end), one at a time in lane 0.
      while i < end {
        let x = SIMD4(repeating: base[i])
        add(slots(x)[0], table)
        let d = x[0] - c[0]
        s[0] += d
        q[0] += d * d
        lo[0] = x[0] < lo[0] ? x[0] : lo[0]
        hi[0] = x[0] > hi[0] ? x[0] : hi[0]
        i += 1
      }
      if table == tableA { countA += end - start } else { countB += end - start }
      moments.addPartial(
        count: end - start,
        sum: (s[0].doubleValue + s[1].doubleValue) + (s[2].doubleValue + s[3].doubleValue),
        sumOfSquares: (q[0].doubleValue + q[1].doubleValue) + (q[2].doubleValue + q[3].doubleValue),
        minimum: .infinity, maximum: -.infinity)
      start = end
    }
    let minimum = min(min(lo[0], lo[1]), min(lo[2], lo[3]))
    let maximum = max(max(hi[0], hi[1]), max(hi[2], hi[3]))
    moments.addPartial(
      count: 0, sum: 0, sumOfSquares: 0, minimum: minimum.doubleValue, maximum: maximum.doubleValue)
  }
}

extension SplitHistogram {
  /// The histogram on `grid` whose halves hold the fixed-point table sums `sums` (length 2·(K + 3): half A's
  /// table, then half B's, as ``HistogramKernel`` fills them, in units of `unit`), converted to masses in
  /// units of values. The
  /// spare slot K + 2 gets mass only at the upper clamp, where linear binning assigns it zero; it is folded
  /// into overflow anyway so that no mass can be lost.
  init(grid: HistogramGrid, fixedPointSums sums: [UInt64], unit: UInt32, countA: Int, countB: Int) {
    self.init(grid: grid)
    let k = grid.binCount
    let length = HistogramKernel.tableLength(binCount: k)
    let unit = Double(unit)
    func masses(_ offset: Int) -> [Double] {
      (0..<(k + 2)).map { s in Double(sums[offset + s] &+ (s == k + 1 ? sums[offset + k + 2] : 0)) / unit }
    }
    countsA = masses(0)
    countsB = masses(length)
    elementCountA = countA
    elementCountB = countB
  }
}

/// The parameter precisions the monitor bins (Float32 and Float64). Each conformance instantiates the kernel
/// for its own type, so the hot loop is compiled for concrete Float or Double arithmetic, also for callers
/// outside the module (the tests), which would otherwise run the generic kernel unspecialised (measured:
/// the InfoGeometry tests took 38 s instead of about 1 s).
public protocol HistogramScalar: BinaryFloatingPoint, SIMDScalar, Sendable {
  /// The value as a Double (a concrete conversion; the generic `Double(_:)` is slow in the hot loop).
  var doubleValue: Double { get }
  /// The nearest integers to values already clamped into [0, 2²²), without the range checks of `Int(_:)`.
  static func roundedIndices(_ u: SIMD4<Self>) -> SIMD4<Int32>
  /// Bins `values[range]`; see ``HistogramKernel/accumulate(_:range:salt:tableA:tableB:countA:countB:moments:)``.
  static func accumulate(
    _ kernel: HistogramKernel, _ values: UnsafeBufferPointer<Self>, range: Range<Int>, salt: UInt64,
    tableA: UnsafeMutablePointer<UInt32>, tableB: UnsafeMutablePointer<UInt32>,
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
  @inline(__always) public static func roundedIndices(_ u: SIMD4<Float>) -> SIMD4<Int32> {
    unsafeBitCast(u + SIMD4(repeating: 12_582_912), to: SIMD4<Int32>.self) &- 0x4B40_0000
  }
  public static func accumulate(
    _ kernel: HistogramKernel, _ values: UnsafeBufferPointer<Float>, range: Range<Int>, salt: UInt64,
    tableA: UnsafeMutablePointer<UInt32>, tableB: UnsafeMutablePointer<UInt32>,
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
  @inline(__always) public static func roundedIndices(_ u: SIMD4<Double>) -> SIMD4<Int32> {
    SIMD4<Int32>(
      truncatingIfNeeded: unsafeBitCast(u + SIMD4(repeating: 6_755_399_441_055_744), to: SIMD4<Int64>.self))
  }
  public static func accumulate(
    _ kernel: HistogramKernel, _ values: UnsafeBufferPointer<Double>, range: Range<Int>, salt: UInt64,
    tableA: UnsafeMutablePointer<UInt32>, tableB: UnsafeMutablePointer<UInt32>,
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
