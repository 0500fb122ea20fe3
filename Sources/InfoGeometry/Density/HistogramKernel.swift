/// The fixed-point binning of one grid: the slot coordinate `u = x·(W/h) + offset` of a value x (slot
/// centres at integers for linear binning, slot edges for hard binning), with slot 0 the underflow, slots
/// 1 … K the bins and K + 1 the overflow, and the unit W = 2^s = ``unit``: the largest power of two ≤ 2¹⁵
/// that keeps `(K + 3)·W ≤ 2²²`, so positions are resolved to 1/W of a bin (2⁻¹⁵ up to 125 bins, 2⁻¹⁰ at
/// 4,093), never more than 4 times coarser than Float resolves `u` itself at that K. ``ChunkBinning`` runs
/// the hot loop; its tables have `K + 2` entries per half.
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
}

/// Where one chunk's values go for one group: the group's kernel and its two halves' tables
/// (``HistogramKernel/tableLength(binCount:)`` entries each).
public struct ChunkTarget {
  let kernel: HistogramKernel
  let tableA: UnsafeMutablePointer<UInt64>
  let tableB: UnsafeMutablePointer<UInt64>
}

/// What one pass over a chunk of a tensor found, besides the tables it filled.
public struct ChunkSummary: Sendable {
  var countA = 0
  var countB = 0
  var minimum = Double.infinity
  var maximum = -Double.infinity
  /// Σ(x − c) and Σ(x − c)² about the centre c of the target's grid.
  var sum = 0.0
  var sumOfSquares = 0.0
  /// ‖Δθ‖² and ‖θ‖² of the chunk, when the pass kept the previous copy.
  var displacement = DisplacementSums()

  /// The chunk's moments about `centre`, the centre of the target's grid.
  func moments(centre: Double) -> SampleMoments {
    var m = SampleMoments(centre: centre)
    m.addPartial(
      count: countA + countB, sum: sum, sumOfSquares: sumOfSquares, minimum: minimum, maximum: maximum)
    return m
  }
}

/// The previous snapshot's values of a chunk (its start in the ``ParameterCopy``), which the pass sums
/// against and then overwrites; `hasPrevious` is false at the first observation (displacement 0).
public struct ChunkCopy<Scalar: HistogramScalar> {
  let previous: UnsafeMutablePointer<Scalar>
  let hasPrevious: Bool
}

/// The binning pass: a chunk of one tensor into the tables of one group, with the moments about the
/// group's centre, and optionally the Euclidean sums against the previous copy in the same loop.
///
/// Sixteen values (one split block) at a time, four per SIMD lane group, in the values' own precision
/// (Float for live Float32 parameters). The slot coordinate `u = x·(W/h) + offset` is one
/// multiply-add, clamped branch-free into the table (NaN clamps to the underflow slot); `U = round(u)` is
/// read from the low bits of `u + 1.5·2²³` (Float; 2⁵² for Double), which needs no range checks and is
/// exact for `u < 2²²`; the left slot is `k = U >> s` and the share of slot k + 1 is `f = U mod W` (0 for
/// hard binning), so positions are resolved to 1/W of a bin. Each value costs one integer addition to a
/// 64-bit entry: entry k holds in its low 32 bits the number of values whose left slot is k, in its high
/// 32 bits the sum of their shares f (slot k then holds `W·count_k − F_k + F_{k−1}` units, see
/// ``HistogramTableSums``). The additions are exact and independent of the order in which chunks are summed.
/// A chunk of at most ``HistogramKernel/maximumChunk`` values keeps both halves of an entry below 2³²
/// (counts ≤ 2¹⁶, share sums < 2¹⁶·2¹⁵), so they never carry into each other.
///
/// Moments and the Euclidean sums are taken per block in the values' precision and added in Double.
/// The difference θ − θ_prev is exact when the two are within a factor 2 of each other (Sterbenz), else
/// rounded to 2⁻²⁴ of itself: negligible in a sum of squares.
enum ChunkBinning {
  /// Bins `values[range]` of the tensor with split salt `salt` into `target`; with `copy`, also sums
  /// against and overwrites the previous values. `range.lowerBound` must be a multiple of
  /// ``HalfSplit/blockSize`` and the range at most ``HistogramKernel/maximumChunk`` long.
  @inline(__always)
  static func pass<Scalar: HistogramScalar>(
    _ values: UnsafeBufferPointer<Scalar>, range: Range<Int>, salt: UInt64, target: ChunkTarget,
    copy: ChunkCopy<Scalar>?
  ) -> ChunkSummary {
    // One specialised loop with and one without the copy (the choice is a type, so a constant there).
    if let copy {
      loop(values, range, salt, Prepared(target), copy, KeepsCopy.self)
    } else {
      loop(values, range, salt, Prepared(target), nil, BinsOnly.self)
    }
  }

  /// Whether a pass also keeps the previous copy, as a type: the loop is specialised for each.
  private protocol Shape { static var keepsCopy: Bool { get } }
  private enum BinsOnly: Shape { static var keepsCopy: Bool { false } }
  private enum KeepsCopy: Shape { static var keepsCopy: Bool { true } }

  /// A target's constants in the values' precision, and its two tables.
  private struct Prepared<Scalar: HistogramScalar> {
    let scale: SIMD4<Scalar>
    let offset: SIMD4<Scalar>
    let centre: SIMD4<Scalar>
    let top: Scalar
    let shift: UInt64
    let mask: UInt64
    let tableA: UnsafeMutablePointer<UInt64>
    let tableB: UnsafeMutablePointer<UInt64>

    @inline(__always) init(_ target: ChunkTarget) {
      let k = target.kernel
      scale = SIMD4(repeating: Scalar(k.slotScale))
      offset = SIMD4(repeating: Scalar(k.slotOffset))
      centre = SIMD4(repeating: Scalar(k.centre))
      top = Scalar(k.top)
      shift = UInt64(k.shift)
      mask = k.scheme == .linear ? UInt64(k.unit - 1) : 0
      tableA = target.tableA
      tableB = target.tableB
    }

    @inline(__always) func add(_ position: UInt64, _ table: UnsafeMutablePointer<UInt64>) {
      table[Int(truncatingIfNeeded: position &>> shift)] &+= ((position & mask) &<< 32) | 1
    }

    /// Clamped slot coordinates of four values, rounded to fixed point.
    @inline(__always) func positions(_ x: SIMD4<Scalar>, lanes: Int) -> SIMD4<UInt32> {
      var u = x * scale + offset
      for l in 0..<lanes {
        u[l] = u[l] > 0 ? u[l] : 0
        u[l] = u[l] < top ? u[l] : top
      }
      return Scalar.roundedPositions(u)
    }

    /// Bins one block of 16 values into half A's or B's table; returns Σ(x − c) and Σ(x − c)² per lane.
    @inline(__always) func block(
      _ x0: SIMD4<Scalar>, _ x1: SIMD4<Scalar>, _ x2: SIMD4<Scalar>, _ x3: SIMD4<Scalar>, isA: Bool
    ) -> (SIMD4<Scalar>, SIMD4<Scalar>) {
      let table = isA ? tableA : tableB
      @inline(__always) func bin(_ x: SIMD4<Scalar>) {
        let p = unsafeBitCast(positions(x, lanes: 4), to: SIMD2<UInt64>.self)
        add(p[0] & 0xFFFF_FFFF, table)
        add(p[0] &>> 32, table)
        add(p[1] & 0xFFFF_FFFF, table)
        add(p[1] &>> 32, table)
      }
      bin(x0)
      bin(x1)
      bin(x2)
      bin(x3)
      let d0 = x0 - centre
      let d1 = x1 - centre
      let d2 = x2 - centre
      let d3 = x3 - centre
      return ((d0 + d1) + (d2 + d3), (d0 * d0 + d1 * d1) + (d2 * d2 + d3 * d3))
    }

    /// Bins one value (a block's last values at the end of a tensor); returns x − c.
    @inline(__always) func single(_ x: Scalar, isA: Bool) -> Scalar {
      add(UInt64(positions(SIMD4(repeating: x), lanes: 1)[0]), isA ? tableA : tableB)
      return x - centre[0]
    }
  }

  private static func loop<Scalar: HistogramScalar, S: Shape>(
    _ values: UnsafeBufferPointer<Scalar>, _ range: Range<Int>, _ salt: UInt64, _ target: Prepared<Scalar>,
    _ copy: ChunkCopy<Scalar>?, _ shape: S.Type
  ) -> ChunkSummary {
    let keepsCopy = S.keepsCopy
    var summary = ChunkSummary()
    guard let base = values.baseAddress, !range.isEmpty else { return summary }
    let raw = UnsafeRawPointer(base)
    let stride = MemoryLayout<Scalar>.stride
    // Without a previous snapshot the "previous" values are the current ones: the displacement is 0.
    let previous = copy?.previous ?? UnsafeMutablePointer(mutating: base)
    let reference = copy?.hasPrevious ?? false ? UnsafeRawPointer(previous) : raw
    @inline(__always) func load(_ from: UnsafeRawPointer, _ i: Int) -> SIMD4<Scalar> {
      from.loadUnaligned(fromByteOffset: i &* stride, as: SIMD4<Scalar>.self)
    }
    // Lane by lane `x < lo ? x : lo` compiles to packed min/max; a NaN never becomes the minimum or maximum.
    var lo = SIMD4<Scalar>(repeating: .infinity)
    var hi = SIMD4<Scalar>(repeating: -.infinity)
    var sums = SIMD4<Double>()
    var squares = SIMD4<Double>()
    var displacement = SIMD4<Double>()
    var norm = SIMD4<Double>()
    var inA = 0
    var start = range.lowerBound
    while start &+ HalfSplit.blockSize <= range.upperBound {
      let isA = HalfSplit.isInHalfA(salt: salt, block: start / HalfSplit.blockSize)
      let x0 = load(raw, start)
      let x1 = load(raw, start &+ 4)
      let x2 = load(raw, start &+ 8)
      let x3 = load(raw, start &+ 12)
      let (s, q) = target.block(x0, x1, x2, x3, isA: isA)
      sums += Scalar.widened(s)
      squares += Scalar.widened(q)
      if keepsCopy {
        let e0 = x0 - load(reference, start)
        let e1 = x1 - load(reference, start &+ 4)
        let e2 = x2 - load(reference, start &+ 8)
        let e3 = x3 - load(reference, start &+ 12)
        let d = (e0 * e0 + e1 * e1) + (e2 * e2 + e3 * e3)
        let n = (x0 * x0 + x1 * x1) + (x2 * x2 + x3 * x3)
        displacement += Scalar.widened(d)
        norm += Scalar.widened(n)
        let copyBytes = UnsafeMutableRawPointer(previous)
        copyBytes.storeBytes(of: x0, toByteOffset: start &* stride, as: SIMD4<Scalar>.self)
        copyBytes.storeBytes(of: x1, toByteOffset: (start &+ 4) &* stride, as: SIMD4<Scalar>.self)
        copyBytes.storeBytes(of: x2, toByteOffset: (start &+ 8) &* stride, as: SIMD4<Scalar>.self)
        copyBytes.storeBytes(of: x3, toByteOffset: (start &+ 12) &* stride, as: SIMD4<Scalar>.self)
      }
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
    // A last block of fewer than 16 values (only at the end of a tensor), one value at a time.
    if start < range.upperBound {
      let isA = HalfSplit.isInHalfA(salt: salt, block: start / HalfSplit.blockSize)
      for i in start..<range.upperBound {
        let x = base[i]
        let d = target.single(x, isA: isA)
        sums[0] += d.doubleValue
        squares[0] += (d * d).doubleValue
        if keepsCopy {
          let e = x - reference.load(fromByteOffset: i &* stride, as: Scalar.self)
          displacement[0] += (e * e).doubleValue
          norm[0] += (x * x).doubleValue
          previous[i] = x
        }
        lo[0] = x < lo[0] ? x : lo[0]
        hi[0] = x > hi[0] ? x : hi[0]
      }
      if isA { inA &+= range.upperBound - start }
    }
    summary.countA = inA
    summary.countB = range.count - inA
    summary.minimum = min(min(lo[0], lo[1]), min(lo[2], lo[3])).doubleValue
    summary.maximum = max(max(hi[0], hi[1]), max(hi[2], hi[3])).doubleValue
    summary.sum = sums.sum()
    summary.sumOfSquares = squares.sum()
    summary.displacement.squaredDisplacement = displacement.sum()
    summary.displacement.squaredNorm = norm.sum()
    return summary
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
  /// The four lanes in Double.
  static func widened(_ v: SIMD4<Self>) -> SIMD4<Double>
  /// One binning pass over `values[range]`; see ``ChunkBinning``.
  static func binChunk(
    _ values: UnsafeBufferPointer<Self>, range: Range<Int>, salt: UInt64, target: ChunkTarget,
    copy: ChunkCopy<Self>?
  ) -> ChunkSummary
}

extension Float: HistogramScalar {
  @inline(__always) public var doubleValue: Double { Double(self) }
  /// Adding 1.5·2²³ leaves the integer nearest to each lane in the low mantissa bits (round to nearest even).
  @inline(__always) public static func widened(_ v: SIMD4<Float>) -> SIMD4<Double> {
    SIMD4(Double(v[0]), Double(v[1]), Double(v[2]), Double(v[3]))
  }
  @inline(__always) public static func roundedPositions(_ u: SIMD4<Float>) -> SIMD4<UInt32> {
    unsafeBitCast(u + SIMD4(repeating: 12_582_912), to: SIMD4<UInt32>.self) &- 0x4B40_0000
  }
  public static func binChunk(
    _ values: UnsafeBufferPointer<Float>, range: Range<Int>, salt: UInt64, target: ChunkTarget,
    copy: ChunkCopy<Float>?
  ) -> ChunkSummary {
    ChunkBinning.pass(values, range: range, salt: salt, target: target, copy: copy)
  }
}

extension Double: HistogramScalar {
  @inline(__always) public var doubleValue: Double { self }
  /// Adding 1.5·2⁵² leaves the integer nearest to each lane in the low bits (round to nearest even).
  @inline(__always) public static func widened(_ v: SIMD4<Double>) -> SIMD4<Double> { v }
  @inline(__always) public static func roundedPositions(_ u: SIMD4<Double>) -> SIMD4<UInt32> {
    SIMD4<UInt32>(
      truncatingIfNeeded: unsafeBitCast(u + SIMD4(repeating: 6_755_399_441_055_744), to: SIMD4<UInt64>.self))
  }
  public static func binChunk(
    _ values: UnsafeBufferPointer<Double>, range: Range<Int>, salt: UInt64, target: ChunkTarget,
    copy: ChunkCopy<Double>?
  ) -> ChunkSummary {
    ChunkBinning.pass(values, range: range, salt: salt, target: target, copy: copy)
  }
}
