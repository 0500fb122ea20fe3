/// Where a figure's legend goes. Entries are the named series and bands, in order.
public enum Legend: Sendable, Hashable {
  /// No legend.
  case hidden
  /// Inside the plot, in the corner (top-right, top-left, bottom-right, bottom-left, first on ties)
  /// that covers the fewest data points.
  case automatic
  /// Inside the plot, in the named corner.
  case topRight
  /// Inside the plot, in the named corner.
  case topLeft
  /// Inside the plot, in the named corner.
  case bottomRight
  /// Inside the plot, in the named corner.
  case bottomLeft
  /// To the right of the plot area, outside it (the plot narrows to make room); a legend wider than
  /// 40 % of the figure goes inside instead, as with `.automatic`.
  case outsideRight
}
