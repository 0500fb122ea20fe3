/// A histogram of one parameter group, kept as two disjoint halves A and B of the values.
///
/// Every value belongs to half A or half B by a fixed rule (see ``HalfSplit``); the full histogram is their
/// sum. Category layout of ``countsA`` and ``countsB``, length `K + 2`:
/// ```
/// index 0        underflow (values below grid.lowerEdge)
/// index 1 … K    bins 0 … K−1
/// index K + 1    overflow (values at or above grid.upperEdge)
/// ```
/// Entries are masses in units of values (a value contributes total mass 1, split between neighbouring
/// categories under linear binning); the full masses are `P_k = (A_k + B_k) / N` and sum to 1.
public struct SplitHistogram: Sendable, Equatable {
  /// The bins the counts refer to.
  public var grid: HistogramGrid
  /// Mass of half A in each category (underflow, K bins, overflow).
  public var countsA: [Double]
  /// Mass of half B in each category (underflow, K bins, overflow).
  public var countsB: [Double]
  /// Number of values in half A.
  public var elementCountA: Int
  /// Number of values in half B.
  public var elementCountB: Int

  /// An empty histogram on `grid`.
  public init(grid: HistogramGrid) {
    self.grid = grid
    countsA = [Double](repeating: 0, count: grid.binCount + 2)
    countsB = countsA
    elementCountA = 0
    elementCountB = 0
  }

  /// Number of values N = N_A + N_B.
  public var elementCount: Int { elementCountA + elementCountB }

  /// Full masses `P_k = (A_k + B_k)/N` over the K + 2 categories (underflow first, overflow last); Σ P_k = 1.
  public var masses: [Double] {
    let n = Double(max(elementCount, 1))
    return zip(countsA, countsB).map { ($0 + $1) / n }
  }

  /// Mass below the grid, as a fraction of all values.
  public var underflowMass: Double { (countsA[0] + countsB[0]) / Double(max(elementCount, 1)) }
  /// Mass above the grid, as a fraction of all values.
  public var overflowMass: Double {
    let k = grid.binCount + 1
    return (countsA[k] + countsB[k]) / Double(max(elementCount, 1))
  }

  /// The same histogram on a grid of the same lattice that contains this one; bins outside this grid are
  /// empty, underflow and overflow are carried over unchanged. Returns `self` when the lattices differ.
  public func embedded(in target: HistogramGrid) -> SplitHistogram {
    guard target != grid, target.origin == grid.origin, target.binWidth == grid.binWidth,
      target.firstIndex <= grid.firstIndex,
      target.firstIndex + target.binCount >= grid.firstIndex + grid.binCount
    else { return self }
    var result = SplitHistogram(grid: target)
    let shift = grid.firstIndex - target.firstIndex
    let last = grid.binCount + 1
    for (source, destination) in [(countsA, \SplitHistogram.countsA), (countsB, \SplitHistogram.countsB)] {
      result[keyPath: destination][0] = source[0]
      result[keyPath: destination][target.binCount + 1] = source[last]
      for k in 1...grid.binCount { result[keyPath: destination][k + shift] = source[k] }
    }
    result.elementCountA = elementCountA
    result.elementCountB = elementCountB
    return result
  }

  /// The histogram with `factor` adjacent bins summed (by lattice index, see
  /// ``HistogramGrid/coarsened(by:)``); underflow and overflow are unchanged. No pass over the values.
  public func coarsened(by factor: Int) -> SplitHistogram {
    guard factor > 1 else { return self }
    let coarse = grid.coarsened(by: factor)
    var result = SplitHistogram(grid: coarse)
    result.elementCountA = elementCountA
    result.elementCountB = elementCountB
    let last = grid.binCount + 1
    result.countsA[0] = countsA[0]
    result.countsB[0] = countsB[0]
    result.countsA[coarse.binCount + 1] = countsA[last]
    result.countsB[coarse.binCount + 1] = countsB[last]
    for k in 0..<grid.binCount {
      let j = (grid.firstIndex + k).floorDivided(by: factor) - coarse.firstIndex + 1
      result.countsA[j] += countsA[k + 1]
      result.countsB[j] += countsB[k + 1]
    }
    return result
  }
}
