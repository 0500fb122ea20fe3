import Foundation

/// The header of a NumPy `.npy` file (format versions 1.0, 2.0 and 3.0).
///
/// Layout: the magic `\x93NUMPY`, a major and a minor version byte, the header length (2 bytes
/// little-endian in version 1.0, 4 bytes in 2.0 and 3.0), then the header: a Python dict literal such
/// as `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }` padded with spaces and ending in
/// `\n`, so that the data start on a multiple of 64 bytes. Version 3.0 headers are UTF-8, earlier ones
/// Latin-1.
///
/// The parser accepts exactly that literal and nothing more general: the three keys `descr`,
/// `fortran_order`, `shape` once each, in any order, quoted with `'` or `"`; `True`/`False`; a tuple of
/// decimal integers without leading zeros (`()`, `(5,)`, `(2, 3)`; a one-element tuple needs its
/// comma); an optional trailing comma; whitespace between tokens. Accepted descriptors: byte order
/// `<`, `>`, `=` (native, little-endian here) or `|` (one-byte types only) followed by `f2 f4 f8 i1 i2
/// i4 i8 u1 u2 u4 u8 b1`; anything else (complex, strings, records, objects) is rejected by name.
struct NpyHeader: Equatable, Sendable {
  static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)
  /// NumPy aligns the data to 64 bytes (`numpy.lib.format.ARRAY_ALIGN`).
  static let alignment = 64
  /// Digits reserved for the growing axis by ``encoded(reservingGrowth:)``, as NumPy does
  /// (`GROWTH_AXIS_MAX_DIGITS`): enough for any extent below 10²¹.
  static let growthDigits = 21

  let dtype: TensorDType
  let bigEndian: Bool
  let fortranOrder: Bool
  let shape: [Int]
  /// Where the data start, from the beginning of the file (0 in an ``encoded`` header's terms means
  /// unknown; parsed headers always set it).
  var dataOffset: Int = 0

  // MARK: - Reading

  /// Parses and validates the header at the start of `data`; `file` names it in errors.
  static func parse(_ data: Data, file: String) throws -> NpyHeader {
    let format = "NPY"
    let start = data.startIndex
    guard data.count >= 10 else {
      throw FormatError.truncatedHeader(file: file, format: format, needed: 10, available: data.count)
    }
    guard data.prefix(6).elementsEqual(magic) else {
      let found = data.prefix(6).map { String(format: "%02x", $0) }.joined(separator: " ")
      throw FormatError.badMagic(file: file, format: format, expected: "93 4e 55 4d 50 59", found: found)
    }
    let major = data[start + 6]
    let minor = data[start + 7]
    guard (1...3).contains(major), minor == 0 else {
      throw FormatError.invalidField(
        file: file, format: format, field: "version", value: "\(major).\(minor)", expected: "1.0, 2.0 or 3.0")
    }
    let lengthBytes = major == 1 ? 2 : 4
    guard data.count >= 8 + lengthBytes else {
      throw FormatError.truncatedHeader(
        file: file, format: format, needed: 8 + lengthBytes, available: data.count)
    }
    let length = (0..<lengthBytes).reduce(0) { $0 | Int(data[start + 8 + $1]) << (8 * $1) }
    let dataOffset = 8 + lengthBytes + length
    guard dataOffset <= data.count else {
      throw FormatError.truncatedHeader(file: file, format: format, needed: dataOffset, available: data.count)
    }
    let text = [UInt8](data[(start + 8 + lengthBytes)..<(start + dataOffset)])
    if major == 3, String(validating: text, as: UTF8.self) == nil {
      throw FormatError.invalidField(
        file: file, format: format, field: "header", value: "bytes that are not UTF-8",
        expected: "UTF-8 (version 3.0)")
    }
    var parser = NpyHeaderParser(bytes: text, utf8: major == 3, file: file)
    var header = try parser.parse()
    header.dataOffset = dataOffset
    return header
  }

  /// The `dtype`, byte order for a descriptor such as `<f4`, or nil if it is not one this reader
  /// accepts.
  static func dtype(descriptor: String) -> (dtype: TensorDType, bigEndian: Bool)? {
    let characters = Array(descriptor)
    guard characters.count == 3 else { return nil }
    let codes: [String: TensorDType] = [
      "f2": .float16, "f4": .float32, "f8": .float64, "i1": .int8, "i2": .int16, "i4": .int32, "i8": .int64,
      "u1": .uint8, "u2": .uint16, "u4": .uint32, "u8": .uint64, "b1": .bool,
    ]
    guard let dtype = codes[String(characters[1...])] else { return nil }
    switch characters[0] {
    case "<", "=": return (dtype, false)
    case ">": return (dtype, true)
    case "|" where dtype.byteCount == 1: return (dtype, false)
    default: return nil
    }
  }

  // MARK: - Writing

  /// The NumPy descriptor of `dtype` (little-endian, `|` for one-byte types); nil for BF16, which
  /// NumPy has no descriptor for.
  static func descriptor(of dtype: TensorDType) -> String? {
    switch dtype {
    case .bool: return "|b1"
    case .int8: return "|i1"
    case .uint8: return "|u1"
    case .int16: return "<i2"
    case .uint16: return "<u2"
    case .int32: return "<i4"
    case .uint32: return "<u4"
    case .int64: return "<i8"
    case .uint64: return "<u8"
    case .float16: return "<f2"
    case .bfloat16: return nil
    case .float32: return "<f4"
    case .float64: return "<f8"
    }
  }

  /// The version 1.0 header bytes (magic through the final `\n`), a multiple of 64 bytes long.
  /// With `reservingGrowth`, the padding also leaves room for the first extent to grow to
  /// ``growthDigits`` digits, so the header can be rewritten in place with the same length.
  /// `dtype` must have a descriptor (not BF16) and the header must stay below 64 KiB.
  func encoded(reservingGrowth: Bool = false) -> Data {
    guard let descriptor = Self.descriptor(of: dtype) else {
      preconditionFailure("NumPy has no BF16 descriptor")
    }
    let extents = shape.map(String.init)
    let tuple = "(" + extents.joined(separator: ", ") + (shape.count == 1 ? ",)" : ")")
    let dict =
      "{'descr': '\(descriptor)', 'fortran_order': \(fortranOrder ? "True" : "False"), 'shape': \(tuple), }"
    let reserve =
      reservingGrowth ? max(0, Self.growthDigits - (extents.first?.count ?? Self.growthDigits)) : 0
    let unpadded = Self.magic.count + 4 + dict.utf8.count + reserve + 1
    let padding = (Self.alignment - unpadded % Self.alignment) % Self.alignment
    let text = Array(dict.utf8) + [UInt8](repeating: UInt8(ascii: " "), count: reserve + padding) + [0x0A]
    precondition(text.count <= Int(UInt16.max), "NPY header of \(text.count) bytes needs format version 2.0")
    return Data(Self.magic + [1, 0, UInt8(text.count & 0xff), UInt8(text.count >> 8)] + text)
  }
}
