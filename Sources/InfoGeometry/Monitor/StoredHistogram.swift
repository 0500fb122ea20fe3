/// A whole histogram of one group kept for a heatmap: masses of the K bins at the reporting resolution.
///
/// Bin k covers `[lowerEdge + k·binWidth, lowerEdge + (k+1)·binWidth)`. On the growing lattice the width
/// is the same for the whole run and `lowerEdge` moves by whole bins, so histograms of one run align by
/// `(lowerEdge − other.lowerEdge)/binWidth`, an integer.
public struct StoredHistogram: Sendable, Equatable, Codable {
  /// Group name.
  public var group: String
  /// Optimizer step of the snapshot.
  public var step: Int
  /// Lower edge of bin 0.
  public var lowerEdge: Double
  /// Width of every bin.
  public var binWidth: Double
  /// Masses of bins 0 … K−1 (fractions of the group's values).
  public var masses: [Double]
  /// Mass below the grid.
  public var underflow: Double
  /// Mass above the grid.
  public var overflow: Double

  /// A histogram read back from a file.
  public init(
    group: String, step: Int, lowerEdge: Double, binWidth: Double, masses: [Double], underflow: Double,
    overflow: Double
  ) {
    self.group = group
    self.step = step
    self.lowerEdge = lowerEdge
    self.binWidth = binWidth
    self.masses = masses
    self.underflow = underflow
    self.overflow = overflow
  }
}
