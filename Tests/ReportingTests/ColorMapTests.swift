import Testing

@testable import Reporting

@Suite("ColorMap")
struct ColorMapTests {
  /// Relative luminance (ITU-R BT.709 weights on the 8-bit channels; gamma ignored, which keeps the
  /// ordering for these saturated colours).
  static func luminance(_ c: RGBColor) -> Double {
    0.2126 * Double(c.red) + 0.7152 * Double(c.green) + 0.0722 * Double(c.blue)
  }

  @Test("viridis runs from dark purple to yellow, clamping outside [0, 1]")
  func endpoints() {
    #expect(ColorMap.viridis.color(at: 0) == RGBColor(hex: 0x440154))
    #expect(ColorMap.viridis.color(at: 1) == RGBColor(hex: 0xFDE725))
    #expect(ColorMap.viridis.color(at: -3) == RGBColor(hex: 0x440154))
    #expect(ColorMap.viridis.color(at: .nan) == RGBColor(hex: 0x440154))
    #expect(
      ColorMap.viridis.color(at: 0.5)
        == RGBColor(hex: 0x277F8E).mixed(with: RGBColor(hex: 0x1FA187), fraction: 0.5))
  }

  @Test("sequential maps grow monotonically lighter", arguments: [ColorMap.viridis, .greys])
  func monotone(map: ColorMap) {
    let lightness = (0...100).map { Self.luminance(map.color(at: Double($0) / 100)) }
    let increasing = zip(lightness, lightness.dropFirst()).allSatisfy { $0 <= $1 + 1e-9 }
    let decreasing = zip(lightness, lightness.dropFirst()).allSatisfy { $0 >= $1 - 1e-9 }
    // Viridis gets lighter with t; greys is white → black, so darker with t: either way monotone.
    #expect(increasing || decreasing)
  }
}
