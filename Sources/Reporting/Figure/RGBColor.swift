/// An opaque sRGB colour with 8 bits per channel, written to SVG and CSS as `#rrggbb`.
public struct RGBColor: Sendable, Hashable {
  /// Red channel, 0…255.
  public var red: UInt8
  /// Green channel, 0…255.
  public var green: UInt8
  /// Blue channel, 0…255.
  public var blue: UInt8

  /// A colour from its three 8-bit channels.
  public init(red: UInt8, green: UInt8, blue: UInt8) {
    self.red = red
    self.green = green
    self.blue = blue
  }

  /// A colour from a 24-bit value `0xRRGGBB` (higher bits ignored).
  public init(hex value: UInt32) {
    self.init(
      red: UInt8((value >> 16) & 0xFF), green: UInt8((value >> 8) & 0xFF), blue: UInt8(value & 0xFF))
  }

  /// The colour as lower-case `#rrggbb`.
  public var hex: String {
    let digits = Array("0123456789abcdef")
    var text = "#"
    for channel in [red, green, blue] {
      text.append(digits[Int(channel >> 4)])
      text.append(digits[Int(channel & 0x0F)])
    }
    return text
  }

  /// The straight-line mix `(1 − t)·self + t·other` per channel, t clamped to [0, 1], rounded to the nearest level.
  public func mixed(with other: RGBColor, fraction t: Double) -> RGBColor {
    let f = t.isFinite ? min(max(t, 0), 1) : 0
    func mix(_ a: UInt8, _ b: UInt8) -> UInt8 {
      UInt8((Double(a) + (Double(b) - Double(a)) * f).rounded())
    }
    return RGBColor(red: mix(red, other.red), green: mix(green, other.green), blue: mix(blue, other.blue))
  }
}
