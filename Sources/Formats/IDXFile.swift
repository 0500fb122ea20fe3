import Foundation

/// An IDX file (the MNIST format of Y. LeCun), already decompressed, with unsigned-byte elements.
///
/// Layout: magic `00 00 tt nn` (tt = element type, nn = number of dimensions), then `nn` big-endian
/// `UInt32` extents, then the elements in row-major order. Only type `0x08` (unsigned byte), the
/// type of every MNIST and Fashion-MNIST file, is accepted; other types are rejected with a message.
public struct IDXFile: Sendable {
  /// The element type code of unsigned bytes.
  public static let unsignedByteType: UInt8 = 0x08
  /// The most dimensions accepted (the format's byte allows 255; real files use 1 to 4).
  public static let maximumRank = 16

  /// The extents, outermost first, e.g. `[60000, 28, 28]` for an images file.
  public let dimensions: [Int]
  /// The elements, `dimensions` multiplied together bytes, indexed from 0.
  public let payload: [UInt8]

  /// Parses and validates an IDX buffer.
  ///
  /// Checks, in order: the magic (two zero bytes), the element type, the rank (1...``maximumRank``),
  /// that the header's extents are present, that their product does not overflow, and that exactly
  /// that many payload bytes follow. Nothing is allocated from the header's claims before the
  /// last check passes.
  /// - Parameter file: the name used in error messages.
  public init(parsing data: Data, file: String) throws {
    let format = "IDX"
    guard data.count >= 4 else {
      throw FormatError.truncatedHeader(file: file, format: format, needed: 4, available: data.count)
    }
    let start = data.startIndex
    guard data[start] == 0, data[start + 1] == 0 else {
      let found = data.prefix(4).map { String(format: "%02x", $0) }.joined(separator: " ")
      throw FormatError.badMagic(file: file, format: format, expected: "00 00 08 nn", found: found)
    }
    let type = data[start + 2]
    guard type == Self.unsignedByteType else {
      throw FormatError.invalidField(
        file: file, format: format, field: "element type", value: String(format: "0x%02x", type),
        expected: "0x08 (unsigned byte)")
    }
    let rank = Int(data[start + 3])
    guard (1...Self.maximumRank).contains(rank) else {
      throw FormatError.invalidField(
        file: file, format: format, field: "number of dimensions", value: "\(rank)",
        expected: "1...\(Self.maximumRank)")
    }
    let headerSize = 4 + 4 * rank
    guard data.count >= headerSize else {
      throw FormatError.truncatedHeader(file: file, format: format, needed: headerSize, available: data.count)
    }
    let dimensions = (0..<rank).map { axis in
      (0..<4).reduce(0) { $0 << 8 | Int(data[start + 4 + 4 * axis + $1]) }
    }
    var product = 1
    for extent in dimensions {
      let (next, overflow) = product.multipliedReportingOverflow(by: extent)
      guard !overflow else {
        throw FormatError.sizeOverflow(file: file, format: format, dimensions: dimensions)
      }
      product = next
    }
    let available = data.count - headerSize
    guard available == product else {
      throw FormatError.payloadSizeMismatch(
        file: file, format: format, dimensions: dimensions, elementBytes: 1, available: available)
    }
    self.dimensions = dimensions
    self.payload = [UInt8](data[(start + headerSize)...])
  }

  /// The IDX encoding of unsigned bytes with the given extents (for writing test files).
  /// `payload.count` must equal the product of `dimensions`.
  public static func encode(dimensions: [Int], payload: [UInt8]) -> Data {
    precondition(dimensions.reduce(1, *) == payload.count, "IDX payload does not match \(dimensions)")
    return header(dimensions: dimensions) + payload
  }

  /// The IDX header alone (magic and big-endian extents, each below 2³²), for unsigned bytes.
  public static func header(dimensions: [Int]) -> Data {
    var data = Data([0, 0, unsignedByteType, UInt8(dimensions.count)])
    for extent in dimensions {
      data.append(contentsOf: (0..<4).reversed().map { UInt8(truncatingIfNeeded: extent >> (8 * $0)) })
    }
    return data
  }
}
