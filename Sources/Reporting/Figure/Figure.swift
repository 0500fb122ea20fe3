/// A two-dimensional plot: axes, data series, shaded bands, vertical markers, an optional heatmap
/// underneath, and a legend. A plain value; `SVGRenderer.render(_:width:height:)` draws it.
///
/// Layers are drawn bottom to top: heatmap, bands, series (in order), vertical markers.
public struct Figure: Sendable, Hashable {
  /// The title above the plot; empty for none.
  public var title: String
  /// The horizontal axis.
  public var xAxis: Axis
  /// The vertical axis.
  public var yAxis: Axis
  /// Data series, drawn in order; unset colours follow the palette by position.
  public var series: [PlotSeries]
  /// Shaded regions, drawn under the series.
  public var bands: [ShadedBand]
  /// Labelled vertical lines, drawn over the series.
  public var markers: [VerticalMarker]
  /// A matrix drawn under everything else, with a colour bar on the right.
  public var heatmap: Heatmap?
  /// Where the legend goes.
  public var legend: Legend

  /// A figure; only the title and the axes are required.
  public init(
    title: String, xAxis: Axis, yAxis: Axis, series: [PlotSeries] = [], bands: [ShadedBand] = [],
    markers: [VerticalMarker] = [], heatmap: Heatmap? = nil, legend: Legend = .automatic
  ) {
    self.title = title
    self.xAxis = xAxis
    self.yAxis = yAxis
    self.series = series
    self.bands = bands
    self.markers = markers
    self.heatmap = heatmap
    self.legend = legend
  }
}
