import Testing

@testable import Reporting

@Suite("Palette")
struct PaletteTests {
  @Test("series colours cycle through Okabe–Ito for any index")
  func cycling() {
    #expect(Palette.color(at: 0) == RGBColor(hex: 0x0072B2))
    #expect(Palette.color(at: 8) == Palette.color(at: 0))
    #expect(Palette.color(at: -1) == Palette.okabeIto[7])
    #expect(Set(Palette.okabeIto).count == 8)
  }
}
