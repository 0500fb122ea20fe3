/// A two-dimensional plot: axes, data series, shaded bands, vertical markers, an optional heatmap
/// underneath, and a legend. A plain value; `SVGRenderer.render(_:width:height:)` draws it.
///
/// Layers are drawn bottom to top: heatmap, bands, series (in order), vertical markers.
public struct Figure: Sendable, Hashable {
  public var title: String
  public var xAxis: Axis
  public var yAxis: Axis
  public var series: [PlotSeries]
  public var bands: [ShadedBand]
  public var markers: [VerticalMarker]
  public var heatmap: Heatmap?
  public var legend: Legend

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
