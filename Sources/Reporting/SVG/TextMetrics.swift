/// Rough text widths for layout (no font access): an average advance of 0.58 em per character,
/// which slightly overestimates common sans-serif faces so that reserved space is never too small.
enum TextMetrics {
  static func width(_ text: String, fontSize: Double) -> Double {
    Double(text.count) * 0.58 * fontSize
  }

  static func width(_ label: Tick.Label, fontSize: Double) -> Double {
    switch label {
    case .none: return 0
    case .text(let text): return width(text, fontSize: fontSize)
    case .powerOfTen(let k):
      return width("10", fontSize: fontSize) + width(String(k), fontSize: fontSize * 0.75)
    }
  }
}
