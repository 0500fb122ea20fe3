import Testing

@testable import Reporting

@Suite("RGBColor")
struct RGBColorTests {
  @Test("hex round-trips through the 24-bit initialiser")
  func hex() {
    #expect(RGBColor(hex: 0x0072B2).hex == "#0072b2")
    #expect(RGBColor(red: 255, green: 0, blue: 15).hex == "#ff000f")
    #expect(RGBColor(hex: 0xFF12_3456) == RGBColor(hex: 0x123456))
  }

  @Test("mixing is linear per channel and clamps the fraction")
  func mixing() {
    let black = RGBColor(hex: 0x000000)
    let white = RGBColor(hex: 0xFFFFFF)
    #expect(black.mixed(with: white, fraction: 0.5) == RGBColor(red: 128, green: 128, blue: 128))
    #expect(black.mixed(with: white, fraction: 2) == white)
    #expect(black.mixed(with: white, fraction: .nan) == black)
  }
}
