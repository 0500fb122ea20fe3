/// A matrix drawn as coloured cells under a figure's axes: row i spans the x interval around
/// `times[i]`, column j the y interval `[valueEdges[j], valueEdges[j+1]]`, coloured by `values[i][j]`
/// through a sequential colour map, with a colour bar beside the plot.
///
/// Made for the distribution of parameter values over training (as in TensorBoard's distributions
/// view): rows are steps t (on a log-t x axis, possibly unevenly spaced), columns are bins of the
/// parameter value, values are the density or probability mass of a histogram.
///
/// Cell boundaries in x lie halfway between neighbouring times in the x axis' own coordinate
/// (geometric means on a log axis); the first and last cells extend by half their neighbour's width
/// (by ±0.5 in that coordinate if there is a single time). Rows whose time is invalid on the x axis,
/// columns whose edges are invalid on the y axis, and non-finite values are left blank. Ragged rows
/// are read as far as they go.
public struct Heatmap: Sendable, Hashable {
  /// The x position (e.g. step t) of each row, increasing.
  public var times: [Double]
  /// The y bin edges (e.g. parameter value), increasing; `count` = number of columns + 1.
  public var valueEdges: [Double]
  /// `values[i][j]`: the intensity at time i in bin j.
  public var values: [[Double]]
  /// The sequential map from intensity to colour.
  public var colorMap: ColorMap
  /// The colour bar's label, e.g. "density".
  public var label: String
  /// The intensities mapped to the two ends of the colour map (values outside are clamped); nil uses
  /// the minimum and maximum of the finite values.
  public var range: ClosedRange<Double>?

  /// A heatmap; see the type's documentation for how rows and columns are placed.
  public init(
    times: [Double], valueEdges: [Double], values: [[Double]], colorMap: ColorMap = .viridis,
    label: String = "", range: ClosedRange<Double>? = nil
  ) {
    self.times = times
    self.valueEdges = valueEdges
    self.values = values
    self.colorMap = colorMap
    self.label = label
    self.range = range
  }

  /// The x extent of each drawable row, in the transformed coordinate of `scale`.
  func rowExtents(on scale: AxisScale) -> [(row: Int, lower: Double, upper: Double)] {
    let valid = times.prefix(values.count).enumerated().compactMap { i, t in
      scale.transform(t).map { (row: i, u: $0) }
    }
    guard valid.count > 1 else {
      return valid.map { ($0.row, $0.u - 0.5, $0.u + 0.5) }
    }
    return valid.indices.map { k in
      let u = valid[k].u
      let lower = k > 0 ? (valid[k - 1].u + u) / 2 : u - (valid[1].u - u) / 2
      let upper = k + 1 < valid.count ? (u + valid[k + 1].u) / 2 : u + (u - valid[k - 1].u) / 2
      return (valid[k].row, lower, upper)
    }
  }

  /// The colour-scale range: `range` if valid, else the finite values' span (widened by 1 if empty
  /// or degenerate).
  var intensityRange: ClosedRange<Double> {
    if let r = range, r.lowerBound.isFinite, r.upperBound.isFinite, r.upperBound > r.lowerBound { return r }
    let finite = values.joined().filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max() else { return 0...1 }
    return high > low ? low...high : low...(low + 1)
  }
}
