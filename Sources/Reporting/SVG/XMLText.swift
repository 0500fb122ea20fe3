/// Escaping of text for XML, SVG and XHTML: every string that reaches a figure or a report goes
/// through here, so output stays well-formed whatever the labels contain.
public enum XMLText {
  /// The text with `&`, `<`, `>`, `"` and `'` replaced by entity references, and characters that
  /// XML 1.0 forbids (C0 controls other than tab, newline and carriage return, U+FFFE, U+FFFF) replaced
  /// by U+FFFD. Safe both as element content and inside a double- or single-quoted attribute.
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default:
        let v = scalar.value
        if v < 0x20 || v == 0xFFFE || v == 0xFFFF {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }
}
