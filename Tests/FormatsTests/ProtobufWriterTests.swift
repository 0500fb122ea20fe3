import Testing

@testable import Formats

@Suite("ProtobufWriter")
struct ProtobufWriterTests {
  static let varints: [(UInt64, [UInt8])] = [
    (0, [0x00]), (1, [0x01]), (127, [0x7F]), (128, [0x80, 0x01]), (300, [0xAC, 0x02]),
    (UInt64.max, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
  ]

  @Test(
    "varints: seven bits per byte, least significant first, high bit marks continuation", arguments: varints)
  func varint(value: UInt64, bytes: [UInt8]) {
    var writer = ProtobufWriter()
    writer.varint(value)
    #expect(writer.bytes == bytes)
  }

  @Test("fields: keys field << 3 | wire type, then the value")
  func fields() {
    var writer = ProtobufWriter()
    writer.int64(2, -1)
    writer.double(1, 1.5)
    writer.float(2, 2)
    writer.string(3, "hi")
    writer.packedDoubles(6, [1, -2])
    let int64: [UInt8] = [0x10] + [UInt8](repeating: 0xFF, count: 9) + [0x01]  // −1: ten varint bytes
    let double: [UInt8] = [0x09, 0, 0, 0, 0, 0, 0, 0xF8, 0x3F]  // 1.5 = 0x3FF8000000000000, little-endian
    let float: [UInt8] = [0x15, 0, 0, 0, 0x40]  // Float 2 = 0x40000000
    let string: [UInt8] = [0x1A, 0x02, 0x68, 0x69]  // "hi"
    let packed: [UInt8] = [0x32, 0x10, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F, 0, 0, 0, 0, 0, 0, 0, 0xC0]  // 1, −2
    #expect(writer.bytes == int64 + double + float + string + packed)
  }

  @Test("nested messages are length-delimited")
  func nested() {
    var inner = ProtobufWriter()
    inner.int64(1, 150)
    var outer = ProtobufWriter()
    outer.message(3, inner)
    // The classic example of the protobuf encoding guide: field 1 = 150 is 08 96 01.
    #expect(outer.bytes == [0x1A, 0x03, 0x08, 0x96, 0x01])
  }
}
