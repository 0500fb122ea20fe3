/// A JSON value (RFC 8259) as read by ``JSONParser``: objects keep their members in file order and
/// numbers keep their text, so integers of any size can be checked exactly.
enum JSONValue: Equatable, Sendable {
  case object([(key: String, value: JSONValue)])
  case array([JSONValue])
  case string(String)
  /// The number's text as written, e.g. `"-1.5e3"`.
  case number(String)
  case bool(Bool)
  case null

  static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.object(let a), .object(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    case (.array(let a), .array(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.number(let a), .number(let b)): return a == b
    case (.bool(let a), .bool(let b)): return a == b
    case (.null, .null): return true
    default: return false
    }
  }

  /// The value as a non-negative `Int` when it is a number written with digits only and fits.
  var nonNegativeInteger: Int? {
    guard case .number(let text) = self, !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
    else { return nil }
    return Int(text)
  }

  /// A short rendering for error messages (at most 40 characters).
  var summary: String {
    let text: String
    switch self {
    case .object(let members): text = "an object of \(members.count) members"
    case .array(let items): text = "an array of \(items.count) items"
    case .string(let value): text = "\"\(value)\""
    case .number(let value): text = value
    case .bool(let value): text = "\(value)"
    case .null: text = "null"
    }
    return text.count > 40 ? String(text.prefix(37)) + "..." : text
  }
}

extension JSONValue {
  /// `text` as a JSON string literal: quotes, backslashes and control characters escaped.
  static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _ where scalar.value < 0x20:
        let digits = String(scalar.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
