import Foundation

/// A strict RFC 8259 JSON parser for checkpoint headers, with a nesting limit so that hostile input
/// cannot exhaust the stack. Errors are ``FormatError/invalidField(file:format:field:value:expected:)``
/// naming the byte offset.
struct JSONParser {
  /// The deepest nesting of arrays and objects accepted.
  static let maximumDepth = 64

  private let bytes: [UInt8]
  private let file: String
  private let format: String
  private var position = 0

  /// Parses `bytes` (already checked to be UTF-8) as exactly one JSON value, surrounded by optional
  /// whitespace.
  static func parse(_ bytes: [UInt8], file: String, format: String) throws -> JSONValue {
    var parser = JSONParser(bytes: bytes, file: file, format: format)
    parser.skipWhitespace()
    let value = try parser.value(depth: 0)
    parser.skipWhitespace()
    guard parser.position == bytes.count else { throw parser.failure("the end of the JSON text") }
    return value
  }

  private init(bytes: [UInt8], file: String, format: String) {
    self.bytes = bytes
    self.file = file
    self.format = format
  }

  // MARK: - Grammar

  private mutating func value(depth: Int) throws -> JSONValue {
    guard depth < Self.maximumDepth else { throw failure("at most \(Self.maximumDepth) nested levels") }
    guard let byte = peek() else { throw failure("a JSON value") }
    switch byte {
    case UInt8(ascii: "{"): return try object(depth: depth)
    case UInt8(ascii: "["): return try array(depth: depth)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"):
      try literal("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try literal("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try literal("null")
      return .null
    default: return .number(try number())
    }
  }

  private mutating func object(depth: Int) throws -> JSONValue {
    position += 1
    var members: [(key: String, value: JSONValue)] = []
    skipWhitespace()
    if peek() == UInt8(ascii: "}") {
      position += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard peek() == UInt8(ascii: "\"") else { throw failure("a quoted member name") }
      let key = try string()
      skipWhitespace()
      try expect(":")
      skipWhitespace()
      members.append((key, try value(depth: depth + 1)))
      skipWhitespace()
      if peek() == UInt8(ascii: ",") {
        position += 1
        continue
      }
      try expect("}")
      return .object(members)
    }
  }

  private mutating func array(depth: Int) throws -> JSONValue {
    position += 1
    var items: [JSONValue] = []
    skipWhitespace()
    if peek() == UInt8(ascii: "]") {
      position += 1
      return .array(items)
    }
    while true {
      skipWhitespace()
      items.append(try value(depth: depth + 1))
      skipWhitespace()
      if peek() == UInt8(ascii: ",") {
        position += 1
        continue
      }
      try expect("]")
      return .array(items)
    }
  }

  private mutating func string() throws -> String {
    position += 1
    var scalars = String.UnicodeScalarView()
    var run = position
    func flushRun(upTo end: Int) {
      // The header was validated as UTF-8, so any run without escapes decodes.
      scalars.append(contentsOf: String(decoding: bytes[run..<end], as: UTF8.self).unicodeScalars)
    }
    while let byte = peek() {
      switch byte {
      case UInt8(ascii: "\""):
        flushRun(upTo: position)
        position += 1
        return String(scalars)
      case UInt8(ascii: "\\"):
        flushRun(upTo: position)
        position += 1
        scalars.append(try escape())
        run = position
      case 0..<0x20:
        throw failure("no control characters inside a string")
      default:
        position += 1
      }
    }
    throw failure("a closing quote")
  }

  private mutating func escape() throws -> Unicode.Scalar {
    guard let byte = peek() else { throw failure("an escape sequence") }
    position += 1
    switch byte {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"):
      var high = try hexQuad()
      if (0xD800..<0xDC00).contains(high) {
        try expect("\\")
        try expect("u")
        let low = try hexQuad()
        guard (0xDC00..<0xE000).contains(low) else { throw failure("a low surrogate after a high one") }
        high = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
      }
      guard let scalar = Unicode.Scalar(high) else { throw failure("a Unicode scalar, not a lone surrogate") }
      return scalar
    default:
      position -= 1
      throw failure("one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u")
    }
  }

  private mutating func hexQuad() throws -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = peek(), let digit = hexDigit(byte) else { throw failure("four hexadecimal digits") }
      value = value << 4 | digit
      position += 1
    }
    return value
  }

  private mutating func number() throws -> String {
    let start = position
    if peek() == UInt8(ascii: "-") { position += 1 }
    if peek() == UInt8(ascii: "0") {
      position += 1
    } else {
      guard digits() > 0 else { throw failure("a JSON value") }
    }
    if peek() == UInt8(ascii: ".") {
      position += 1
      guard digits() > 0 else { throw failure("digits after the decimal point") }
    }
    if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
      position += 1
      if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
      guard digits() > 0 else { throw failure("digits in the exponent") }
    }
    return String(decoding: bytes[start..<position], as: UTF8.self)
  }

  // MARK: - Lexical helpers

  private mutating func digits() -> Int {
    let start = position
    while let byte = peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { position += 1 }
    return position - start
  }

  private func hexDigit(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
  }

  private mutating func literal(_ word: String) throws {
    for expected in word.utf8 {
      guard peek() == expected else { throw failure("\(word)") }
      position += 1
    }
  }

  private mutating func expect(_ character: Unicode.Scalar) throws {
    guard peek() == UInt8(ascii: character) else { throw failure("'\(character)'") }
    position += 1
  }

  private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

  private mutating func skipWhitespace() {
    while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
  }

  private func failure(_ expected: String) -> FormatError {
    let found = peek().map { String(format: "0x%02x", $0) } ?? "the end"
    return FormatError.invalidField(
      file: file, format: format, field: "JSON header at byte \(position)", value: found, expected: expected)
  }
}
