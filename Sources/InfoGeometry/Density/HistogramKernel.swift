/// The hot loop (opaque outside the module): bins a contiguous run of values into the two halves' category tables in one pass, and
/// accumulates the values' moments on the way.
///
/// Positions are computed in the values' own precision (Float for live Float32 parameters): the slot
/// coordinate `u = x·(1/h) + offset` is one multiply-add, clamped branch-free into the table (NaN clamps
/// to the underflow slot), so there is no per-element division and no per-element Double arithmetic
/// except the table update. Tables have `K + 3` entries: underflow, K bins, overflow, and one spare slot
/// that receives exactly zero mass from linear binning at the upper clamp.
public struct HistogramKernel: Sendable {
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
  /// ``HalfSplit/blockSize``. Adds masses to `tableA`/`tableB`, counts to `countA`/`countB`.
  @inline(__always)
  func accumulate<Scalar: HistogramScalar>(
    _ values: UnsafeBufferPointer<Scalar>, range: Range<Int>, salt: UInt64,
    tableA: UnsafeMutablePointer<Double>, tableB: UnsafeMutablePointer<Double>,
    countA: inout Int, countB: inout Int, moments: inout SampleMoments
  ) {
    guard let base = values.baseAddress else { return }
    let c = Scalar(centre)
    let slotScale = Scalar(self.slotScale)
    let slotOffset = Scalar(self.slotOffset)
    let top = Scalar(self.top)
    // Moments of full blocks in four SIMD lanes (no serial dependency between elements), flushed to Double every
    // 64 blocks so that Float partial sums stay short; a partial last block goes straight to Double.
    var sumLanes = SIMD4<Scalar>()
    var squareLanes = SIMD4<Scalar>()
    var lowLanes = SIMD4<Scalar>(repeating: .infinity)
    var highLanes = SIMD4<Scalar>(repeating: -.infinity)
    var pendingBlocks = 0
    func flush() {
      moments.addPartial(
        count: pendingBlocks * HalfSplit.blockSize, sum: sumLanes.sum().doubleValue,
        sumOfSquares: squareLanes.sum().doubleValue, minimum: lowLanes.min().doubleValue,
        maximum: highLanes.max().doubleValue)
      sumLanes = SIMD4()
      squareLanes = SIMD4()
      pendingBlocks = 0
    }
    var start = range.lowerBound
    while start < range.upperBound {
      let end = min(start + HalfSplit.blockSize, range.upperBound)
      let inA = HalfSplit.isInHalfA(salt: salt, block: start / HalfSplit.blockSize)
      let table = inA ? tableA : tableB
      switch scheme {
      case .nearest:
        for i in start..<end {
          var u = base[i] * slotScale + slotOffset
          u = u > 0 ? u : 0
          u = u < top ? u : top
          table[u.truncatedIndex] += 1
        }
      case .linear:
        for i in start..<end {
          var u = base[i] * slotScale + slotOffset
          u = u > 0 ? u : 0
          u = u < top ? u : top
          let slot = u.truncatedIndex
          let f = (u - Scalar.fromIndex(slot)).doubleValue
          table[slot] += 1 - f
          table[slot &+ 1] += f
        }
      }
      if inA { countA += end - start } else { countB += end - start }
      if end - start == HalfSplit.blockSize {
        let raw = UnsafeRawPointer(base + start)
        for quad in 0..<(HalfSplit.blockSize / 4) {
          let v = raw.loadUnaligned(
            fromByteOffset: quad * 4 * MemoryLayout<Scalar>.stride, as: SIMD4<Scalar>.self)
          let d = v - c
          sumLanes += d
          squareLanes += d * d
          lowLanes = pointwiseMin(lowLanes, v)
          highLanes = pointwiseMax(highLanes, v)
        }
        pendingBlocks += 1
        if pendingBlocks == 64 { flush() }
      } else {
        for i in start..<end { moments.add(base[i].doubleValue) }
      }
      start = end
    }
    if pendingBlocks > 0 { flush() }
  }
}

/// The parameter precisions the monitor bins (Float32 and Float64). Each conformance instantiates the kernel
/// for its own type, so the hot loop is compiled for concrete Float or Double arithmetic.
public protocol HistogramScalar: BinaryFloatingPoint, SIMDScalar, Sendable {
  /// The value as a Double (a concrete conversion; the generic `Double(_:)` is slow in the hot loop).
  var doubleValue: Double { get }
  /// `Int(self)` for a value already clamped into the table (a concrete conversion, as above).
  var truncatedIndex: Int { get }
  /// The integer `index` in this precision (a static function, not an initializer, so that
  /// `Double.init` stays unambiguous for callers of the module).
  static func fromIndex(_ index: Int) -> Self
  /// Bins `values[range]`; see ``HistogramKernel/accumulate(_:range:salt:tableA:tableB:countA:countB:moments:)``.
  static func accumulate(
    _ kernel: HistogramKernel, _ values: UnsafeBufferPointer<Self>, range: Range<Int>, salt: UInt64,
    tableA: UnsafeMutablePointer<Double>, tableB: UnsafeMutablePointer<Double>,
    countA: inout Int, countB: inout Int, moments: inout SampleMoments)
}

extension Float: HistogramScalar {
  @inline(__always) public var doubleValue: Double { Double(self) }
  @inline(__always) public var truncatedIndex: Int { Int(self) }
  @inline(__always) public static func fromIndex(_ index: Int) -> Self { Self(index) }
  public static func accumulate(
    _ kernel: HistogramKernel, _ values: UnsafeBufferPointer<Float>, range: Range<Int>, salt: UInt64,
    tableA: UnsafeMutablePointer<Double>, tableB: UnsafeMutablePointer<Double>,
    countA: inout Int, countB: inout Int, moments: inout SampleMoments
  ) {
    kernel.accumulate(
      values, range: range, salt: salt, tableA: tableA, tableB: tableB, countA: &countA, countB: &countB,
      moments: &moments)
  }
}

extension Double: HistogramScalar {
  @inline(__always) public var doubleValue: Double { self }
  @inline(__always) public var truncatedIndex: Int { Int(self) }
  @inline(__always) public static func fromIndex(_ index: Int) -> Self { Self(index) }
  public static func accumulate(
    _ kernel: HistogramKernel, _ values: UnsafeBufferPointer<Double>, range: Range<Int>, salt: UInt64,
    tableA: UnsafeMutablePointer<Double>, tableB: UnsafeMutablePointer<Double>,
    countA: inout Int, countB: inout Int, moments: inout SampleMoments
  ) {
    kernel.accumulate(
      values, range: range, salt: salt, tableA: tableA, tableB: tableB, countA: &countA, countB: &countB,
      moments: &moments)
  }
}
