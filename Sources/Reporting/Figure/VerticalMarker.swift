/// A labelled vertical line at one x value, e.g. the transition marker "t_c" or "test-loss min".
/// Its label is written along the line, just inside the top of the plot; a marker outside the shown
/// x range (or at an invalid x) is not drawn.
public struct VerticalMarker: Sendable, Hashable {
  /// The position in data units.
  public var x: Double
  /// The text written next to the line; empty for none.
  public var label: String
  /// The line colour; nil uses the neutral ink colour.
  public var color: RGBColor?
  /// Draw the line dashed.
  public var dashed: Bool

  /// A marker at `x` (data units).
  public init(x: Double, label: String, color: RGBColor? = nil, dashed: Bool = true) {
    self.x = x
    self.label = label
    self.color = color
    self.dashed = dashed
  }
}
