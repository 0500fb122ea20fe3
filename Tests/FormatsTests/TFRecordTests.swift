import Foundation
import Testing

@testable import Formats

@Suite("TFRecord")
struct TFRecordTests {
  @Test("an empty record is its zero length, the masked CRCs of those 8 bytes and of nothing")
  func emptyRecord() {
    let framed = TFRecord.frame([])
    let lengthCRC = CRC32C.maskedChecksum([UInt8](repeating: 0, count: 8))
    // The CRC-32C of no bytes is 0, whose mask is 0xa282ead8.
    let expected =
      [UInt8](repeating: 0, count: 8) + CheckpointBytes.littleEndian(lengthCRC) + [0xD8, 0xEA, 0x82, 0xA2]
    #expect(framed == expected)
  }

  @Test("framed records read back in order")
  func roundTrip() throws {
    let records: [[UInt8]] = [[], [1, 2, 3], [UInt8](repeating: 7, count: 1000)]
    let data = Data(records.flatMap(TFRecord.frame))
    #expect(try TFRecord.records(in: data, file: "r").map { [UInt8]($0) } == records)
  }

  @Test("a damaged length or data byte, and a truncated record, are rejected")
  func damaged() {
    let data = Data(TFRecord.frame([1, 2, 3]))
    var length = data
    length[0] = 9
    #expect(throws: FormatError.self) { try TFRecord.records(in: length, file: "r") }
    var payload = data
    payload[13] ^= 1
    #expect {
      try TFRecord.records(in: payload, file: "r")
    } throws: {
      ($0 as? FormatError)?.description.hasPrefix("r: TFRecord record 0 data checksum is") ?? false
    }
    let truncated = FormatError.invalidField(
      file: "r", format: "TFRecord", field: "record 0 length", value: "3",
      expected: "at most 0, the bytes left before the data checksum")
    #expect(throws: truncated) {
      try TFRecord.records(in: data.dropLast(5), file: "r")
    }
    #expect(throws: FormatError.truncatedHeader(file: "r", format: "TFRecord", needed: 12, available: 5)) {
      try TFRecord.records(in: data.prefix(5), file: "r")
    }
  }

  @Test("a huge length with a valid CRC is rejected before anything is allocated")
  func hugeLength() {
    let length = CheckpointBytes.littleEndian(UInt64.max)
    let data = Data(length + CheckpointBytes.littleEndian(CRC32C.maskedChecksum(length)) + [0, 0, 0, 0])
    #expect(throws: FormatError.self) { try TFRecord.records(in: data, file: "r") }
  }
}
