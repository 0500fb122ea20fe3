/// The strict parser of the `.npy` header dict literal described at ``NpyHeader``.
struct NpyHeaderParser {
  private let bytes: [UInt8]
  private let utf8: Bool
  private let file: String
  private var position = 0

  init(bytes: [UInt8], utf8: Bool, file: String) {
    self.bytes = bytes
    self.utf8 = utf8
    self.file = file
  }

  private enum Value {
    case string(String)
    case bool(Bool)
    case tuple([Int])

    var text: String {
      switch self {
      case .string(let value): return "'\(value)'"
      case .bool(let value): return value ? "True" : "False"
      case .tuple(let values): return "(" + values.map(String.init).joined(separator: ", ") + ")"
      }
    }
  }

  mutating func parse() throws -> NpyHeader {
    skipWhitespace()
    try expect("{")
    var entries: [String: Value] = [:]
    skipWhitespace()
    while peek() != UInt8(ascii: "}") {
      let key = try string()
      guard ["descr", "fortran_order", "shape"].contains(key) else {
        throw invalid("header key", "'\(key)'", "only 'descr', 'fortran_order' and 'shape'")
      }
      guard entries[key] == nil else { throw invalid("header key", "'\(key)' repeated", "each key once") }
      skipWhitespace()
      try expect(":")
      skipWhitespace()
      entries[key] = try value()
      skipWhitespace()
      guard peek() == UInt8(ascii: ",") else { break }
      position += 1
      skipWhitespace()
    }
    try expect("}")
    skipWhitespace()
    guard position == bytes.count else { throw failure("only whitespace after '}'") }

    guard case .string(let descriptor) = try required("descr", entries) else {
      throw invalid("descr", entries["descr"]?.text ?? "", "a string such as '<f4'")
    }
    guard let (dtype, bigEndian) = NpyHeader.dtype(descriptor: descriptor) else {
      throw invalid(
        "descr", "'\(descriptor)'",
        "a byte order (<, >, =, | for one byte) and one of f2 f4 f8 i1 i2 i4 i8 u1 u2 u4 u8 b1")
    }
    guard case .bool(let fortranOrder) = try required("fortran_order", entries) else {
      throw invalid("fortran_order", entries["fortran_order"]?.text ?? "", "True or False")
    }
    guard case .tuple(let shape) = try required("shape", entries) else {
      throw invalid("shape", entries["shape"]?.text ?? "", "a tuple of integers")
    }
    return NpyHeader(dtype: dtype, bigEndian: bigEndian, fortranOrder: fortranOrder, shape: shape)
  }

  // MARK: - Grammar

  private func required(_ key: String, _ entries: [String: Value]) throws -> Value {
    guard let value = entries[key] else { throw invalid("header key", "'\(key)' missing", "present") }
    return value
  }

  private mutating func value() throws -> Value {
    switch peek() {
    case UInt8(ascii: "'"), UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "T"):
      try word("True")
      return .bool(true)
    case UInt8(ascii: "F"):
      try word("False")
      return .bool(false)
    case UInt8(ascii: "("): return .tuple(try tuple())
    default: throw failure("a string, True, False or a tuple")
    }
  }

  private mutating func string() throws -> String {
    guard let quote = peek(), quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") else {
      throw failure("a quoted string")
    }
    position += 1
    let start = position
    while let byte = peek(), byte != quote {
      guard byte != UInt8(ascii: "\\"), byte >= 0x20 else { throw failure("a string without escapes") }
      position += 1
    }
    guard peek() == quote else { throw failure("a closing quote") }
    let content = bytes[start..<position]
    position += 1
    // Version 3.0 headers were checked to be UTF-8; earlier versions are Latin-1, byte = scalar.
    return utf8
      ? String(decoding: content, as: UTF8.self)
      : String(String.UnicodeScalarView(content.map { Unicode.Scalar($0) }))
  }

  private mutating func tuple() throws -> [Int] {
    try expect("(")
    var values: [Int] = []
    var trailingComma = false
    skipWhitespace()
    while peek() != UInt8(ascii: ")") {
      values.append(try integer())
      skipWhitespace()
      trailingComma = peek() == UInt8(ascii: ",")
      guard trailingComma else { break }
      position += 1
      skipWhitespace()
    }
    try expect(")")
    guard values.count != 1 || trailingComma else { throw failure("a comma in a one-element tuple") }
    return values
  }

  private mutating func integer() throws -> Int {
    let start = position
    while let byte = peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { position += 1 }
    let digits = bytes[start..<position]
    guard let first = digits.first else { throw failure("a decimal integer") }
    guard first != UInt8(ascii: "0") || digits.count == 1 else {
      throw failure("an integer without leading zeros")
    }
    guard let value = Int(String(decoding: digits, as: UTF8.self)) else {
      throw invalid("shape", String(decoding: digits, as: UTF8.self), "extents below 2⁶³")
    }
    return value
  }

  // MARK: - Lexical helpers

  private mutating func word(_ text: String) throws {
    for expected in text.utf8 {
      guard peek() == expected else { throw failure(text) }
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

  private func invalid(_ field: String, _ value: String, _ expected: String) -> FormatError {
    FormatError.invalidField(file: file, format: "NPY", field: field, value: value, expected: expected)
  }

  private func failure(_ expected: String) -> FormatError {
    let found = peek().map { "byte 0x" + String($0, radix: 16) } ?? "the end"
    return invalid("header at byte \(position)", found, expected)
  }
}
