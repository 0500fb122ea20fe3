import Foundation

@testable import Formats

/// Builders of checkpoint files byte by byte, independent of the writers under test.
enum CheckpointBytes {
  static func littleEndian<I: FixedWidthInteger>(_ value: I) -> [UInt8] {
    withUnsafeBytes(of: value.littleEndian) { Array($0) }
  }

  static func bigEndian<I: FixedWidthInteger>(_ value: I) -> [UInt8] {
    withUnsafeBytes(of: value.bigEndian) { Array($0) }
  }

  static func float32(_ values: [Float], bigEndian big: Bool = false) -> [UInt8] {
    values.flatMap { big ? bigEndian($0.bitPattern) : littleEndian($0.bitPattern) }
  }

  static func float64(_ values: [Double], bigEndian big: Bool = false) -> [UInt8] {
    values.flatMap { big ? bigEndian($0.bitPattern) : littleEndian($0.bitPattern) }
  }

  /// A safetensors file: the 8-byte size of `header`, the header, then `payload`.
  static func safetensors(header: String, payload: [UInt8]) -> Data {
    let json = Array(header.utf8)
    return Data(littleEndian(UInt64(json.count)) + json + payload)
  }

  /// An `.npy` file of format `version` (1, 2 or 3) with the header text as given (no padding added).
  static func npy(version: UInt8, header: [UInt8], payload: [UInt8]) -> Data {
    let length = version == 1 ? littleEndian(UInt16(header.count)) : littleEndian(UInt32(header.count))
    return Data([0x93] + Array("NUMPY".utf8) + [version, 0] + length + header + payload)
  }

  static func npy(version: UInt8 = 1, header: String, payload: [UInt8]) -> Data {
    npy(version: version, header: Array(header.utf8), payload: payload)
  }

  /// A ZIP member: name, uncompressed bytes, and whether to deflate them.
  struct Member {
    var name: String
    var contents: Data
    var deflated = false
    /// Overrides the CRC-32 written in the central directory.
    var crc: UInt32?
    /// A zip64 extra field in the local header with 0xFFFFFFFF sizes, as NumPy writes.
    var zip64LocalExtra = false
  }

  /// A ZIP archive of `members` with a central directory and end record.
  static func zip(_ members: [Member]) -> Data {
    var body: [UInt8] = []
    var directory: [UInt8] = []
    for member in members {
      let payload = member.deflated ? rawDeflate(member.contents) : [UInt8](member.contents)
      let crc = member.crc ?? ZipArchive.crc32(member.contents)
      let name = Array(member.name.utf8)
      let method: UInt16 = member.deflated ? 8 : 0
      let sizes = littleEndian(UInt32(payload.count)) + littleEndian(UInt32(member.contents.count))
      let extra: [UInt8] =
        member.zip64LocalExtra
        ? littleEndian(UInt16(1)) + littleEndian(UInt16(16)) + littleEndian(UInt64(member.contents.count))
          + littleEndian(UInt64(payload.count)) : []
      let localSizes = member.zip64LocalExtra ? [UInt8](repeating: 0xFF, count: 8) : sizes
      let offset = UInt32(body.count)
      body +=
        littleEndian(UInt32(0x0403_4b50)) + littleEndian(UInt16(20)) + littleEndian(UInt16(0))
        + littleEndian(method) + [0, 0, 0, 0] + littleEndian(crc) + localSizes
        + littleEndian(UInt16(name.count)) + littleEndian(UInt16(extra.count)) + name + extra + payload
      directory +=
        littleEndian(UInt32(0x0201_4b50)) + littleEndian(UInt16(20)) + littleEndian(UInt16(20))
        + littleEndian(UInt16(0)) + littleEndian(method) + [0, 0, 0, 0] + littleEndian(crc) + sizes
        + littleEndian(UInt16(name.count)) + [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] + littleEndian(offset)
        + name
    }
    let end =
      littleEndian(UInt32(0x0605_4b50)) + [0, 0, 0, 0] + littleEndian(UInt16(members.count))
      + littleEndian(UInt16(members.count)) + littleEndian(UInt32(directory.count))
      + littleEndian(UInt32(body.count)) + [0, 0]
    return Data(body + directory + end)
  }

  /// A raw deflate stream: zlib's gzip output without its 10-byte header and 8-byte trailer.
  static func rawDeflate(_ data: Data) -> [UInt8] {
    Array(Gzip.compress(data).dropFirst(10).dropLast(8))
  }
}
