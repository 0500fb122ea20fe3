/// Sequential colour maps for heatmaps, computed by piecewise-linear interpolation in sRGB between
/// anchor colours sampled from the reference map.
public enum ColorMap: Sendable, Hashable {
  /// Viridis (van der Walt & Smith, matplotlib 2.0): perceptually uniform, monotone in lightness,
  /// readable in grey scale and by colour-blind viewers. Anchors are the map at t = 0, 1/7, …, 1.
  case viridis
  /// Grey scale from white (t = 0) to near-black (t = 1).
  case greys

  private var anchors: [RGBColor] {
    switch self {
    case .viridis:
      return [
        RGBColor(hex: 0x440154), RGBColor(hex: 0x46327E), RGBColor(hex: 0x365C8D), RGBColor(hex: 0x277F8E),
        RGBColor(hex: 0x1FA187), RGBColor(hex: 0x4AC16D), RGBColor(hex: 0x9FDA3A), RGBColor(hex: 0xFDE725),
      ]
    case .greys:
      return [RGBColor(hex: 0xFFFFFF), RGBColor(hex: 0x1A1A1A)]
    }
  }

  /// The colour at position `t` ∈ [0, 1] (clamped; a non-finite t maps to 0).
  public func color(at t: Double) -> RGBColor {
    let stops = anchors
    let f = t.isFinite ? min(max(t, 0), 1) : 0
    let position = f * Double(stops.count - 1)
    let lower = min(Int(position), stops.count - 2)
    return stops[lower].mixed(with: stops[lower + 1], fraction: position - Double(lower))
  }
}
