import Testing

@testable import Formats

@Suite("TensorBoardEvent")
struct TensorBoardEventTests {
  @Test("a scalar event encodes to hand-computed bytes")
  func scalar() {
    let event = TensorBoardEvent(
      wallTime: 1.5, step: 3, content: .summary([.init(tag: "a", kind: .simpleValue(2))]))
    let value: [UInt8] = [0x0A, 0x01, 0x61] + [0x15, 0, 0, 0, 0x40]  // tag "a"; simple_value 2 (fixed32)
    let summary: [UInt8] = [0x0A, UInt8(value.count)] + value  // Summary.value = 1
    let expected: [UInt8] =
      [0x09, 0, 0, 0, 0, 0, 0, 0xF8, 0x3F]  // wall_time = 1 (fixed64), 1.5
      + [0x10, 0x03]  // step = 2 (varint)
      + [0x2A, UInt8(summary.count)] + summary  // summary = 5 (length-delimited)
    #expect(event.encoded == expected)
  }

  @Test("the file version event, and a zero simple_value still written (it is in a oneof)")
  func defaults() {
    let version = TensorBoardEvent(wallTime: 0, step: 0, content: .fileVersion("brain.Event:2"))
    #expect(version.encoded == [0x1A, 13] + Array("brain.Event:2".utf8))
    let zero = TensorBoardEvent(
      wallTime: 0, step: 0, content: .summary([.init(tag: "", kind: .simpleValue(0))]))
    #expect(zero.encoded == [0x2A, 0x07, 0x0A, 0x05, 0x15, 0, 0, 0, 0])
  }

  @Test("a histogram value nests HistogramProto at field 5 with packed limits and counts")
  func histogram() {
    let histogram = TensorBoardHistogram(
      edges: [0, 1, 2], counts: [3, 0], min: 0.5, max: 1, sum: 2, sumSquares: 0)
    #expect(histogram.num == 3 && histogram.bucketLimits == [1, 2])
    var expected = ProtobufWriter()
    expected.double(1, 0.5)
    expected.double(2, 1)
    expected.double(3, 3)
    expected.double(4, 2)
    expected.packedDoubles(6, [1, 2])
    expected.packedDoubles(7, [3, 0])
    #expect(histogram.encoded.bytes == expected.bytes)
    let event = TensorBoardEvent(
      wallTime: 0, step: 1, content: .summary([.init(tag: "h", kind: .histogram(histogram))]))
    let value: [UInt8] = [0x0A, 0x01, 0x68, 0x2A, UInt8(expected.bytes.count)] + expected.bytes
    #expect(event.encoded == [0x10, 0x01, 0x2A, UInt8(value.count + 2), 0x0A, UInt8(value.count)] + value)
  }
}
