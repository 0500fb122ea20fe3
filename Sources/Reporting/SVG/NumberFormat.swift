/// Locale-independent, deterministic decimal formatting for coordinates and tick labels.
enum NumberFormat {
  /// `value` rounded half away from zero to `decimals` places (0...9) and written with a `.` separator;
  /// with `trimmingZeros`, trailing fractional zeros (and a bare `.`) are dropped. Negative zero prints
  /// as `0`. Values too large for exact integer scaling fall back to Swift's shortest round-trip form;
  /// non-finite values print as `0` (callers skip them before formatting).
  static func fixed(_ value: Double, decimals: Int, trimmingZeros: Bool = false) -> String {
    guard value.isFinite else { return "0" }
    let places = min(max(decimals, 0), 9)
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    guard scaled < 9e15 else { return "\(value)" }
    let units = UInt64(scaled)
    let divisor = UInt64(scale)
    var text = String(units / divisor)
    if places > 0 {
      var fraction = String(units % divisor)
      fraction = String(repeating: "0", count: places - fraction.count) + fraction
      if trimmingZeros {
        while fraction.last == "0" { fraction.removeLast() }
      }
      if !fraction.isEmpty { text += "." + fraction }
    }
    return units == 0 ? text : (value < 0 ? "-" + text : text)
  }

  /// An SVG coordinate or length: two decimals, trailing zeros dropped (`12.5`, `40`, `-3.25`).
  static func coordinate(_ value: Double) -> String {
    fixed(value, decimals: 2, trimmingZeros: true)
  }
}
