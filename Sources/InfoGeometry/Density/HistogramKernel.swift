/// The hot loop (opaque outside the module): bins a contiguous run of values into the two halves' category tables in one pass, and
/// accumulates the values' moments on the way.
///
/// Positions are computed in the values' own precision (Float for live Float32 parameters): the slot
/// coordinate `u = x·(1/h) + offset` is one multiply-add, clamped branch-free into the table (NaN clamps
/// to the underflow slot), so there is no per-element division and no per-element Double arithmetic.
/// Masses are fixed-point integers: `U = ⌊u·W⌋` with W = ``unitWeight`` = 2¹⁵ (exact, a power of two), the
/// slot is `U >> 15` and the linear-binning share of the next slot `U mod W` (0 for hard binning), so one
/// conversion gives both and the table updates are integer additions — exact, and independent of the order
/// in which chunks are summed. A chunk of at most ``maximumChunk`` values cannot overflow a 32-bit slot.
/// Tables have `K + 3` entries: underflow, K bins, overflow, and one spare slot that receives exactly zero
/// mass at the upper clamp.
public struct HistogramKernel: Sendable {
  /// Fixed-point unit of mass: one value contributes `unitWeight` to the table.
  static let unitWeight: UInt32 = 1 << 15
  /// Largest run of values one table may receive (2¹⁶ · 2¹⁵ = 2³¹ < 2³²).
  static let maximumChunk = 1 << 16
  let scheme: BinningScheme
  let slotScale: Double
  let slotOffset: Double
  let top: Double
  let centre: Double

  /// Table length for a grid of K bins.
  static func tableLength(binCount: Int) -> Int { binCount + 3 }

  init(grid: HistogramGrid, scheme: BinningScheme) {
    self.scheme = scheme
    let scale = 1 / grid.binWidth
    // Hard binning: slot = ⌊(x − lower)/h⌋ + 1. Linear: slot centres sit at integer u, bin k's centre at k+1.
    let shift = scheme == .nearest ? 1.0 : 0.5
    slotScale = scale
    slotOffset = shift - grid.lowerEdge * scale
    top = Double(grid.binCount + 1)
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
    let c = Scalar(centre)
    let w = Scalar(Self.unitWeight)
    // Scaling by W = 2¹⁵ is exact, so ⌊u·W⌋ carries the same information as u.
    let slotScale = Scalar(self.slotScale) * w
    let slotOffset = Scalar(self.slotOffset) * w
    let top = Scalar(self.top) * w
    let unit = Self.unitWeight
    let mask = scheme == .linear ? Int(unit - 1) : 0
    // Moments in two interleaved lanes (no serial dependency between neighbouring elements), each lane's
    // partial sums flushed to Double every block of 16 values.
    var lo = Scalar.infinity
    var hi = -Scalar.infinity
    var start = range.lowerBound
    while start < range.upperBound {
      let end = min(start + HalfSplit.blockSize, range.upperBound)
      let table = HalfSplit.isInHalfA(salt: salt, block: start / HalfSplit.blockSize) ? tableA : tableB
      var s0: Scalar = 0
      var s1: Scalar = 0
      var q0: Scalar = 0
      var q1: Scalar = 0
      var i = start
      while i + 1 < end {
        let x0 = base[i]
        let x1 = base[i + 1]
        var u0 = x0 * slotScale + slotOffset
        var u1 = x1 * slotScale + slotOffset
        u0 = u0 > 0 ? u0 : 0
        u1 = u1 > 0 ? u1 : 0
        u0 = u0 < top ? u0 : top
        u1 = u1 < top ? u1 : top
        let p0 = u0.roundedIndex
        let p1 = u1.roundedIndex
        let f0 = UInt32(truncatingIfNeeded: p0 & mask)
        let f1 = UInt32(truncatingIfNeeded: p1 & mask)
        let k0 = p0 &>> 15
        let k1 = p1 &>> 15
        table[k0] &+= unit &- f0
        table[k0 &+ 1] &+= f0
        table[k1] &+= unit &- f1
        table[k1 &+ 1] &+= f1
        let d0 = x0 - c
        let d1 = x1 - c
        s0 += d0
        s1 += d1
        q0 += d0 * d0
        q1 += d1 * d1
        lo = x0 < lo ? x0 : lo
        lo = x1 < lo ? x1 : lo
        hi = x0 > hi ? x0 : hi
        hi = x1 > hi ? x1 : hi
        i += 2
      }
      if i < end {
        let x = base[i]
        var u = x * slotScale + slotOffset
        u = u > 0 ? u : 0
        u = u < top ? u : top
        let p = u.roundedIndex
        let f = UInt32(truncatingIfNeeded: p & mask)
        let k = p &>> 15
        table[k] &+= unit &- f
        table[k &+ 1] &+= f
        let d = x - c
        s0 += d
        q0 += d * d
        lo = x < lo ? x : lo
        hi = x > hi ? x : hi
      }
      if table == tableA { countA += end - start } else { countB += end - start }
      moments.addPartial(
        count: end - start, sum: s0.doubleValue + s1.doubleValue,
        sumOfSquares: q0.doubleValue + q1.doubleValue,
        minimum: .infinity, maximum: -.infinity)
      start = end
    }
    moments.addPartial(count: 0, sum: 0, sumOfSquares: 0, minimum: lo.doubleValue, maximum: hi.doubleValue)
  }
}

extension SplitHistogram {
  /// The histogram on `grid` whose halves hold the fixed-point table sums `sums` (length 2·(K + 3): half A's
  /// table, then half B's, as ``HistogramKernel`` fills them), converted to masses in units of values. The
  /// spare slot K + 2 gets mass only at the upper clamp, where linear binning assigns it zero; it is folded
  /// into overflow anyway so that no mass can be lost.
  init(grid: HistogramGrid, fixedPointSums sums: [UInt64], countA: Int, countB: Int) {
    self.init(grid: grid)
    let k = grid.binCount
    let length = HistogramKernel.tableLength(binCount: k)
    let unit = Double(HistogramKernel.unitWeight)
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
/// for its own type, so the hot loop is compiled for concrete Float or Double arithmetic.
public protocol HistogramScalar: BinaryFloatingPoint, Sendable {
  /// The value as a Double (a concrete conversion; the generic `Double(_:)` is slow in the hot loop).
  var doubleValue: Double { get }
  /// The nearest integer to a value already clamped into [0, 2³¹), without the range checks of `Int(_:)`.
  var roundedIndex: Int { get }
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
  @inline(__always) public var roundedIndex: Int { Double(self).roundedIndex }
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
  @inline(__always) public var roundedIndex: Int {
    Int(truncatingIfNeeded: (self + 6_755_399_441_055_744).bitPattern & 0xFFFF_FFFF)
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
