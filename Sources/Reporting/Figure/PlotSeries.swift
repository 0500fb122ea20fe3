/// One named data series of a figure: points (x[i], y[i]) drawn as a line, as markers, or both.
///
/// Points where x or y is non-finite, or ≤ 0 on a log axis, are skipped and break the line there;
/// if `x` and `y` differ in length, the extra values of the longer one are ignored.
public struct PlotSeries: Sendable, Hashable {
  /// How the points are drawn.
  public enum Style: Sendable, Hashable {
    /// A polyline through the points (isolated valid points show as dots).
    case line
    /// A dot at each point.
    case markers
    /// Both.
    case lineAndMarkers
  }

  /// The legend entry; an empty name leaves the series out of the legend.
  public var name: String
  /// Abscissae, in data units.
  public var x: [Double]
  /// Ordinates, in data units; `y[i]` pairs with `x[i]`.
  public var y: [Double]
  /// Line, markers, or both.
  public var style: Style
  /// The colour; nil takes the series' position in the figure's palette (`Palette.color(at:)`).
  public var color: RGBColor?
  /// Draw the line dashed (e.g. a fit or a reference curve).
  public var dashed: Bool
  /// Line width in pixels.
  public var lineWidth: Double

  /// A series; `PlotSeries("train", x: steps, y: loss)`.
  public init(
    _ name: String, x: [Double], y: [Double], style: Style = .line, color: RGBColor? = nil,
    dashed: Bool = false, lineWidth: Double = 1.8
  ) {
    self.name = name
    self.x = x
    self.y = y
    self.style = style
    self.color = color
    self.dashed = dashed
    self.lineWidth = lineWidth
  }
}
