import Foundation
import Testing

@testable import Formats

@Suite("IDXFile")
struct IDXFileTests {
  static let images = IDXFile.encode(dimensions: [3, 2, 4], payload: (0..<24).map { UInt8($0 * 10) })

  @Test("parses the dimensions and payload of a 3-D file, raw or gzipped")
  func parse() throws {
    for data in [Self.images, try Gzip.decompress(Gzip.compress(Self.images), file: "x")] {
      let file = try IDXFile(parsing: data, file: "images")
      #expect(file.dimensions == [3, 2, 4])
      #expect(file.payload == (0..<24).map { UInt8($0 * 10) })
    }
  }

  @Test("reads a slice whose indices do not start at zero")
  func slice() throws {
    let padded = Data([9, 9]) + IDXFile.encode(dimensions: [2], payload: [7, 8])
    let file = try IDXFile(parsing: padded.dropFirst(2), file: "labels")
    #expect(file.dimensions == [2] && file.payload == [7, 8])
  }

  @Test("a truncated payload names the claimed and present sizes")
  func truncatedPayload() {
    let data = IDXFile.header(dimensions: [10000, 28, 28]) + Data(count: 1200)
    #expect {
      try IDXFile(parsing: data, file: "t10k-images-idx3-ubyte.gz")
    } throws: { error in
      (error as? FormatError)?.description
        == "t10k-images-idx3-ubyte.gz: IDX header claims 10000×28×28 = 7840000 bytes but only 1200 follow"
    }
  }

  @Test("extra bytes after the payload are rejected")
  func trailingBytes() {
    let data = IDXFile.encode(dimensions: [2], payload: [1, 2]) + Data([3])
    #expect(
      throws: FormatError.payloadSizeMismatch(
        file: "l", format: "IDX", dimensions: [2], elementBytes: 1, available: 3)
    ) {
      try IDXFile(parsing: data, file: "l")
    }
  }

  @Test("a truncated header is reported before anything else is read")
  func truncatedHeader() {
    let data = Self.images.prefix(10)
    #expect(throws: FormatError.truncatedHeader(file: "h", format: "IDX", needed: 16, available: 10)) {
      try IDXFile(parsing: data, file: "h")
    }
    #expect(throws: FormatError.truncatedHeader(file: "h", format: "IDX", needed: 4, available: 2)) {
      try IDXFile(parsing: Data([0, 0]), file: "h")
    }
  }

  @Test("wrong magic: a gzip stream passed undecompressed")
  func wrongMagic() {
    let data = Gzip.compress(Self.images)
    #expect(
      throws: FormatError.badMagic(file: "g", format: "IDX", expected: "00 00 08 nn", found: "1f 8b 08 00")
    ) {
      try IDXFile(parsing: data, file: "g")
    }
  }

  @Test("element types other than unsigned byte are rejected")
  func elementType() {
    var data = Self.images
    data[2] = 0x0d
    #expect {
      try IDXFile(parsing: data, file: "f")
    } throws: { error in
      (error as? FormatError)?.description == "f: IDX element type is 0x0d, expected 0x08 (unsigned byte)"
    }
  }

  @Test("zero or too many dimensions are rejected", arguments: [0, 17, 255])
  func badRank(rank: Int) {
    var data = Self.images
    data[3] = UInt8(rank)
    #expect(throws: FormatError.self) { try IDXFile(parsing: data, file: "r") }
  }

  @Test("a dimension product that overflows Int is rejected without allocating")
  func overflow() {
    // Four extents of 2³² − 1: the product (≈ 2¹²⁸) overflows 64 bits.
    let data = Data([0, 0, 8, 4] + [UInt8](repeating: 0xff, count: 16))
    #expect(
      throws: FormatError.sizeOverflow(
        file: "o", format: "IDX", dimensions: Array(repeating: 4_294_967_295, count: 4))
    ) {
      try IDXFile(parsing: data, file: "o")
    }
  }
}
