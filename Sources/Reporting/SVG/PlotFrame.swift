/// The plot area in pixels and the data limits it shows, in each axis' transformed coordinate
/// (log₁₀ of the value on a log axis). Pixel y grows downwards.
struct PlotFrame {
  var left: Double
  var top: Double
  var right: Double
  var bottom: Double
  var xScale: AxisScale
  var yScale: AxisScale
  var xLimits: ClosedRange<Double>
  var yLimits: ClosedRange<Double>

  var width: Double { right - left }
  var height: Double { bottom - top }

  /// Pixel x of a transformed coordinate, clamped to ±10⁶ px so far-off points stay finite.
  func pixelX(transformed u: Double) -> Double {
    Self.clamp(left + (u - xLimits.lowerBound) / (xLimits.upperBound - xLimits.lowerBound) * width)
  }

  func pixelY(transformed v: Double) -> Double {
    Self.clamp(bottom - (v - yLimits.lowerBound) / (yLimits.upperBound - yLimits.lowerBound) * height)
  }

  /// Pixel position of a data point, or nil where either coordinate is invalid on its axis.
  func pixel(x: Double, y: Double) -> (x: Double, y: Double)? {
    guard let u = xScale.transform(x), let v = yScale.transform(y) else { return nil }
    return (pixelX(transformed: u), pixelY(transformed: v))
  }

  /// Whether a data x value lies within the shown x range.
  func showsX(_ x: Double) -> Bool {
    guard let u = xScale.transform(x) else { return false }
    return xLimits.contains(u)
  }

  private static func clamp(_ p: Double) -> Double { min(max(p, -1e6), 1e6) }

  /// The shown limits of `axis` in its transformed coordinate: its explicit range if valid; else the
  /// span of `values` (already transformed), widened by `padding` of the span on each side; a single
  /// value gets ±0.5 (log axes: half a decade) or ±10 % of itself on a linear axis; no values give
  /// [0, 1] (log axes: [1, 10]).
  static func limits(for axis: Axis, values: [Double], padding: Double) -> ClosedRange<Double> {
    if let r = axis.range, let a = axis.scale.transform(r.lowerBound),
      let b = axis.scale.transform(r.upperBound),
      b > a
    {
      return a...b
    }
    guard let low = values.min(), let high = values.max() else { return 0...1 }
    if high > low {
      let pad = (high - low) * padding
      return (low - pad)...(high + pad)
    }
    let half = axis.scale == .log10 || low == 0 ? 0.5 : abs(low) * 0.1
    return (low - half)...(low + half)
  }
}
