import Testing

@testable import Formats

@Suite("JSONParser")
struct JSONParserTests {
  static func parse(_ text: String) throws -> JSONValue {
    try JSONParser.parse(Array(text.utf8), file: "j", format: "JSON")
  }

  @Test("parses every kind of value, keeping member order and number text")
  func values() throws {
    let value = try Self.parse(#" {"b": [1, -2.5e3, true, false, null], "a": "x\n\u00e9\ud83d\ude00"} "#)
    #expect(
      value
        == .object([
          ("b", .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null])),
          ("a", .string("x\né😀")),
        ]))
  }

  @Test("integers: only plain digits that fit in Int")
  func integers() throws {
    #expect(try Self.parse("9223372036854775807").nonNegativeInteger == Int.max)
    #expect(try Self.parse("9223372036854775808").nonNegativeInteger == nil)
    #expect(try Self.parse("1.0").nonNegativeInteger == nil)
    #expect(try Self.parse("-0").nonNegativeInteger == nil)
  }

  @Test(
    "rejects malformed text",
    arguments: [
      "", "{", "[1,]", "01", "1.", "\"a", "\"\\x\"", "\"\\ud800\"", "tru", "{1:2}", "\"\u{1}\"", "1 2",
    ])
  func malformed(text: String) {
    #expect(throws: FormatError.self) { try Self.parse(text) }
  }

  @Test("JSON string literals escape quotes, backslashes and control characters")
  func quoted() throws {
    let text = "a\"b\\c\u{1}\n"
    #expect(JSONValue.quoted(text) == #""a\"b\\c\u0001\n""#)
    #expect(try Self.parse(JSONValue.quoted(text)) == .string(text))
  }
}
