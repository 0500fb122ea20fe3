/// A translucent shaded region: either a range of x over the full plot height (e.g. a transition
/// marker's uncertainty), or the region between a lower and an upper curve (e.g. mean ± one standard
/// deviation over seeds).
public struct ShadedBand: Sendable, Hashable {
  /// The shape of the region.
  public enum Region: Sendable, Hashable {
    /// All y for x in [lower, upper] (data units; the bounds may come in either order).
    case xRange(lower: Double, upper: Double)
    /// The area between `lower[i]` and `upper[i]` at `x[i]`; points where any of the three is
    /// invalid on the axes split the band into separate pieces.
    case between(x: [Double], lower: [Double], upper: [Double])
  }

  /// The legend entry; an empty name leaves the band out of the legend.
  public var name: String
  /// The shaded region.
  public var region: Region
  /// The fill colour; nil uses the neutral ink colour.
  public var color: RGBColor?
  /// Fill opacity in [0, 1].
  public var opacity: Double

  /// A band; `ShadedBand("t_c ± σ", region: .xRange(lower: 200, upper: 450))`.
  public init(_ name: String = "", region: Region, color: RGBColor? = nil, opacity: Double = 0.18) {
    self.name = name
    self.region = region
    self.color = color
    self.opacity = opacity
  }
}
