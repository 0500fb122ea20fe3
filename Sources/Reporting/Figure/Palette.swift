/// Colours for series: the Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008, "Color Universal
/// Design"), ordered for a white background (yellow, the least legible on white, last).
public enum Palette {
  /// blue, vermillion, bluish green, orange, sky blue, reddish purple, black, yellow.
  public static let okabeIto: [RGBColor] = [
    RGBColor(hex: 0x0072B2), RGBColor(hex: 0xD55E00), RGBColor(hex: 0x009E73), RGBColor(hex: 0xE69F00),
    RGBColor(hex: 0x56B4E9), RGBColor(hex: 0xCC79A7), RGBColor(hex: 0x000000), RGBColor(hex: 0xF0E442),
  ]

  /// The colour for the `index`-th series, cycling through `okabeIto` (any integer is accepted).
  public static func color(at index: Int) -> RGBColor {
    let n = okabeIto.count
    return okabeIto[((index % n) + n) % n]
  }

  /// The neutral colour of axes, vertical markers and text.
  public static let ink = RGBColor(hex: 0x222222)
  /// The colour of gridlines.
  public static let grid = RGBColor(hex: 0xE3E3E3)
  /// The colour of minor gridlines.
  public static let minorGrid = RGBColor(hex: 0xF1F1F1)
}
