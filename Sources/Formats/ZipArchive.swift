import CZlib
import Foundation

/// The members of a ZIP archive (PKWARE APPNOTE 6.3), as `.npz` files use it: read from the central
/// directory, with each member's data located through its local header.
///
/// Accepted: one disk, members stored (method 0) or deflated (method 8), not encrypted, names in
/// UTF-8, unique. The central directory's sizes are authoritative (NumPy writes local headers with
/// zip64 extra fields and `0xFFFFFFFF` sizes, which are skipped). Archives that need zip64 in the
/// end record or the central directory (more than 65 535 members, or sizes or offsets of 4 GiB) are
/// rejected with a message saying so. Every size and offset is checked against the file before use.
struct ZipArchive: Sendable {
  struct Member: Sendable {
    let name: String
    /// 0 (stored) or 8 (deflated).
    let method: UInt16
    let crc32: UInt32
    let uncompressedSize: Int
    /// The compressed bytes, as offsets into the archive.
    let dataRange: Range<Int>
  }

  static let format = "ZIP"
  private static let endRecordSignature: UInt32 = 0x0605_4b50
  private static let zip64LocatorSignature: UInt32 = 0x0706_4b50
  private static let centralSignature: UInt32 = 0x0201_4b50
  private static let localSignature: UInt32 = 0x0403_4b50

  /// The members in central-directory order.
  let members: [Member]

  init(data: Data, file: String) throws {
    let bytes = ByteView(data: data)
    func invalid(_ field: String, _ value: String, _ expected: String) -> FormatError {
      FormatError.invalidField(
        file: file, format: Self.format, field: field, value: value, expected: expected)
    }
    guard data.count >= 22 else {
      throw FormatError.truncatedHeader(file: file, format: Self.format, needed: 22, available: data.count)
    }
    // The end record is 22 bytes plus a comment of at most 65 535 bytes, at the very end.
    let lowest = max(0, data.count - 22 - 0xFFFF)
    guard
      let end = stride(from: data.count - 22, through: lowest, by: -1).first(where: {
        bytes.uint32($0) == Self.endRecordSignature && Int(bytes.uint16($0 + 20)) == data.count - $0 - 22
      })
    else {
      throw invalid("end of central directory record", "not found", "a ZIP archive (signature 50 4b 05 06)")
    }
    let entries = Int(bytes.uint16(end + 10))
    let directorySize = Int(bytes.uint32(end + 12))
    let directoryOffset = Int(bytes.uint32(end + 16))
    if (end >= 20 && bytes.uint32(end - 20) == Self.zip64LocatorSignature) || entries == 0xFFFF
      || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF
    {
      throw invalid("end of central directory record", "zip64", "a ZIP archive without zip64 (under 4 GiB)")
    }
    guard bytes.uint16(end + 4) == 0, bytes.uint16(end + 6) == 0, Int(bytes.uint16(end + 8)) == entries else {
      throw invalid("disk numbers", "several disks", "a single-disk archive")
    }
    guard directoryOffset + directorySize <= end else {
      throw invalid(
        "central directory", "\(directorySize) bytes at offset \(directoryOffset)",
        "to end by offset \(end), where the end record starts")
    }

    var members: [Member] = []
    var names = Set<String>()
    var position = directoryOffset
    let directoryEnd = directoryOffset + directorySize
    for index in 0..<entries {
      let field = "central directory entry \(index)"
      guard position + 46 <= directoryEnd, bytes.uint32(position) == Self.centralSignature else {
        throw invalid(field, "missing or without signature 50 4b 01 02", "\(entries) entries")
      }
      let flags = bytes.uint16(position + 8)
      let method = bytes.uint16(position + 10)
      let crc = bytes.uint32(position + 16)
      let compressed = bytes.uint32(position + 20)
      let uncompressed = bytes.uint32(position + 24)
      let nameLength = Int(bytes.uint16(position + 28))
      let variableLength = nameLength + Int(bytes.uint16(position + 30)) + Int(bytes.uint16(position + 32))
      let localOffset = bytes.uint32(position + 42)
      guard position + 46 + variableLength <= directoryEnd else {
        throw invalid(field, "\(46 + variableLength) bytes", "to fit in the central directory")
      }
      guard
        let name = String(
          validating: data[(data.startIndex + position + 46)...].prefix(nameLength), as: UTF8.self)
      else { throw invalid("\(field) name", "bytes that are not UTF-8", "a UTF-8 name") }
      let member = "member \"\(name)\""
      guard names.insert(name).inserted else { throw invalid(member, "repeated", "unique names") }
      guard compressed != 0xFFFF_FFFF, uncompressed != 0xFFFF_FFFF, localOffset != 0xFFFF_FFFF else {
        throw invalid(member, "zip64 sizes", "a ZIP archive without zip64 (members under 4 GiB)")
      }
      guard flags & 1 == 0 else { throw invalid("\(member) flags", "encrypted", "no encryption") }
      guard method == 0 || method == 8 else {
        throw invalid("\(member) compression method", "\(method)", "0 (stored) or 8 (deflated)")
      }
      guard method == 8 || compressed == uncompressed else {
        throw invalid(
          "\(member) sizes", "\(compressed) stored, \(uncompressed) uncompressed", "equal when stored")
      }
      let local = Int(localOffset)
      guard local + 30 <= directoryOffset, bytes.uint32(local) == Self.localSignature else {
        throw invalid(
          "\(member) local header", "offset \(local)", "a local header (50 4b 03 04) before the directory")
      }
      let localNameLength = Int(bytes.uint16(local + 26))
      let dataStart = local + 30 + localNameLength + Int(bytes.uint16(local + 28))
      let dataEnd = dataStart + Int(compressed)
      guard dataEnd <= directoryOffset else {
        throw invalid(
          "\(member) data", "bytes \(dataStart)..<\(dataEnd)",
          "to end before the directory at \(directoryOffset)")
      }
      guard data[(data.startIndex + local + 30)...].prefix(localNameLength).elementsEqual(name.utf8) else {
        throw invalid("\(member) local header name", "different", "the central directory's name")
      }
      members.append(
        Member(
          name: name, method: method, crc32: crc, uncompressedSize: Int(uncompressed),
          dataRange: dataStart..<dataEnd))
      position += 46 + variableLength
    }
    self.members = members
  }

  /// The uncompressed bytes of `member` of `data` (a slice of `data` itself when stored, so nothing is
  /// copied), after checking the size and CRC-32. `file` names the archive in errors.
  static func contents(of member: Member, in data: Data, file: String) throws -> Data {
    let raw = data[
      (data.startIndex + member.dataRange.lowerBound)..<(data.startIndex + member.dataRange.upperBound)]
    let name = "\(file)[\(member.name)]"
    let contents: Data
    if member.method == 8 {
      // Deflate expands at most 1032:1, which caps the first allocation whatever the header claims.
      let hint = min(member.uncompressedSize, raw.count * 1032)
      contents = try Gzip.inflateRaw(raw, sizeHint: hint, file: name)
      guard contents.count == member.uncompressedSize else {
        throw FormatError.invalidField(
          file: file, format: format, field: "member \"\(member.name)\" uncompressed size",
          value: "\(member.uncompressedSize)", expected: "\(contents.count), the inflated size")
      }
    } else {
      contents = raw
    }
    let computed = crc32(contents)
    guard computed == member.crc32 else {
      throw FormatError.checksumMismatch(
        file: file, format: format, field: "member \"\(member.name)\" CRC-32", stored: member.crc32,
        computed: computed)
    }
    return contents
  }

  /// The CRC-32 (ISO 3309, as in ZIP and gzip) of `data`, through zlib's `crc32_z`.
  static func crc32(_ data: Data) -> UInt32 {
    data.withUnsafeBytes { buffer in
      UInt32(crc32_z(0, buffer.bindMemory(to: Bytef.self).baseAddress, z_size_t(buffer.count)))
    }
  }
}

/// Little-endian reads at offsets (relative to the start) of a buffer whose bounds the caller has
/// checked; out-of-range reads return 0 instead of trapping.
struct ByteView {
  let data: Data

  func uint16(_ offset: Int) -> UInt16 { UInt16(truncatingIfNeeded: integer(offset, bytes: 2)) }
  func uint32(_ offset: Int) -> UInt32 { UInt32(truncatingIfNeeded: integer(offset, bytes: 4)) }

  private func integer(_ offset: Int, bytes: Int) -> UInt64 {
    guard offset >= 0, offset + bytes <= data.count else { return 0 }
    let start = data.startIndex + offset
    return (0..<bytes).reduce(UInt64(0)) { $0 | UInt64(data[start + $1]) << (8 * UInt64($1)) }
  }
}
