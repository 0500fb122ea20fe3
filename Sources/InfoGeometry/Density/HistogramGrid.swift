/// Bins of equal width on a lattice, shared by every snapshot of a run so that consecutive histograms are
/// comparable bin by bin.
///
/// Bin `k` (`0 ≤ k < binCount`) covers the half-open interval
/// ```
/// [origin + (firstIndex + k)·binWidth,  origin + (firstIndex + k + 1)·binWidth)
/// ```
/// `firstIndex + k` is the bin's *lattice index*. Two grids with the same origin and width describe the same
/// lattice: a histogram on one embeds exactly into a larger one (``covering(lower:upper:headroom:)``), and
/// ``coarsened(by:)`` merges fine bins by lattice index (`⌊index / factor⌋`), so coarse bins stay aligned as a
/// lattice grows. Values below the first bin fall in the *underflow* category, values above the last in the
/// *overflow* category; both take part in distances as ordinary categories.
public struct HistogramGrid: Sendable, Hashable {
  /// The lattice's anchor (0 for the growing lattice, the lower edge for a fixed range).
  public let origin: Double
  /// Width of one bin, in parameter units.
  public let binWidth: Double
  /// Lattice index of bin 0.
  public let firstIndex: Int
  /// Number of bins K, excluding the underflow and overflow categories.
  public let binCount: Int

  /// Lower edge of bin 0.
  public var lowerEdge: Double { origin + Double(firstIndex) * binWidth }
  /// Upper edge of the last bin.
  public var upperEdge: Double { origin + Double(firstIndex + binCount) * binWidth }
  /// Centre of bin `k`.
  public func centre(ofBin k: Int) -> Double { origin + (Double(firstIndex + k) + 0.5) * binWidth }

  /// A grid on the lattice `origin + ℤ·binWidth` from lattice index `firstIndex`, with `binCount` bins.
  public init(origin: Double, binWidth: Double, firstIndex: Int, binCount: Int) throws(GeometryError) {
    guard binWidth.isFinite, binWidth > 0, origin.isFinite else {
      throw .invalidGrid(
        "bin width must be finite and positive, origin finite; got width \(binWidth), origin \(origin)")
    }
    guard binCount >= 1 else { throw .invalidGrid("a grid needs at least one bin; got \(binCount)") }
    self.origin = origin
    self.binWidth = binWidth
    self.firstIndex = firstIndex
    self.binCount = binCount
  }

  /// `binCount` bins of width `(upper − lower)/binCount` covering `[lower, upper)` exactly.
  public init(lower: Double, upper: Double, binCount: Int) throws(GeometryError) {
    guard lower.isFinite, upper.isFinite, upper > lower else {
      throw .invalidGrid("a fixed range needs finite lower < upper; got [\(lower), \(upper)]")
    }
    guard binCount >= 1 else { throw .invalidGrid("a grid needs at least one bin; got \(binCount)") }
    try self.init(
      origin: lower, binWidth: (upper - lower) / Double(binCount), firstIndex: 0, binCount: binCount)
  }

  /// The same lattice with `factor` adjacent bins merged: coarse bin `j` holds the fine bins whose lattice
  /// indices `i` satisfy `⌊i / factor⌋ = firstIndex' + j`.
  public func coarsened(by factor: Int) -> HistogramGrid {
    guard factor > 1 else { return self }
    let first = firstIndex.floorDivided(by: factor)
    let last = (firstIndex + binCount - 1).floorDivided(by: factor)
    return HistogramGrid(
      unchecked: origin, binWidth: binWidth * Double(factor), firstIndex: first, binCount: last - first + 1)
  }

  /// The smallest grid on the same lattice that contains this one and `[lower, upper]`, widened on each
  /// side it grows by `headroom` bins so that a slowly spreading run does not regrow at every snapshot.
  /// Returns this grid unchanged when the result would exceed `maximumBinCount` bins (a diverging value
  /// must not allocate without bound; its mass stays in underflow/overflow, where it is reported).
  public func covering(lower: Double, upper: Double, headroom: Int, maximumBinCount: Int = 1 << 20)
    -> HistogramGrid
  {
    var first = Double(firstIndex)
    var last = Double(firstIndex + binCount - 1)
    if lower.isFinite {
      let needed = ((lower - origin) / binWidth).rounded(.down)
      if needed < first { first = needed - Double(headroom) }
    }
    if upper.isFinite {
      let needed = ((upper - origin) / binWidth).rounded(.down)
      if needed > last { last = needed + Double(headroom) }
    }
    guard last - first + 1 <= Double(maximumBinCount) else { return self }
    return HistogramGrid(
      unchecked: origin, binWidth: binWidth, firstIndex: Int(first), binCount: Int(last - first) + 1)
  }

  /// A grid whose arguments the caller has validated (positive finite width, at least one bin).
  init(unchecked origin: Double, binWidth: Double, firstIndex: Int, binCount: Int) {
    self.origin = origin
    self.binWidth = binWidth
    self.firstIndex = firstIndex
    self.binCount = binCount
  }
}

extension HistogramGrid {
  /// The default bin count for a group of `N` values:
  /// ```
  /// K = clamp(⌊√N / 4⌋, 16, 256)
  /// ```
  /// Two independent resamples of one density differ by a noise floor Σ(√P − √Q)² ≈ K/(2N), i.e. a squared
  /// Fisher–Rao distance 2K/N; with this rule that floor is at most 1/(2√N) and K ≪ N for every N ≥ 4096.
  /// The cap of 256 bins keeps the hot loop's tables in the first-level cache; the floor of 16 bins keeps
  /// small groups resolved at all.
  public static func defaultBinCount(parameterCount: Int) -> Int {
    let root = Double(max(parameterCount, 0)).squareRoot() / 4
    return min(256, max(16, Int(root)))
  }
}

extension Int {
  /// ⌊self / divisor⌋ for a positive divisor, rounding toward −∞ (unlike `/`).
  func floorDivided(by divisor: Int) -> Int {
    let q = self / divisor
    return (self % divisor != 0 && self < 0) ? q - 1 : q
  }
}
