/// A file (or an in-memory buffer read from one) that does not hold what its format requires.
///
/// Every case carries `file`, the path or name the bytes came from, and the offending field, so
/// `description` is a single line such as
/// `t10k-images-idx3-ubyte.gz: IDX header claims 10000×28×28 = 7840000 bytes but only 1200 follow`.
public enum FormatError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The file could not be opened, read or written; `reason` is the system's explanation.
  case unreadable(file: String, reason: String)
  /// A gzip/deflate stream is damaged; `reason` is zlib's message.
  case corruptStream(file: String, reason: String)
  /// A gzip/deflate stream ends before its final block.
  case truncatedStream(file: String)
  /// The leading bytes are not the format's magic number.
  case badMagic(file: String, format: String, expected: String, found: String)
  /// A header is shorter than its fixed part requires.
  case truncatedHeader(file: String, format: String, needed: Int, available: Int)
  /// A header field holds a value the format (or this reader) does not allow.
  case invalidField(file: String, format: String, field: String, value: String, expected: String)
  /// The header's dimensions do not multiply to the number of payload bytes present.
  case payloadSizeMismatch(file: String, format: String, dimensions: [Int], elementBytes: Int, available: Int)
  /// The product of the header's dimensions does not fit in an `Int`.
  case sizeOverflow(file: String, format: String, dimensions: [Int])
  /// A file of fixed-size records whose length is not a whole number of records.
  case partialRecord(file: String, format: String, size: Int, recordSize: Int)
  /// A value inside a record lies outside its allowed range.
  case valueOutOfRange(file: String, field: String, value: Int, allowed: Range<Int>)
  /// A CSV line that cannot be read as a row of the table (line numbers start at 1).
  case malformedRow(file: String, line: Int, reason: String)
  /// A stored checksum (CRC-32 of a zip member, masked CRC-32C of a TFRecord) does not match the bytes.
  case checksumMismatch(file: String, format: String, field: String, stored: UInt32, computed: UInt32)
  /// A tensor was asked for by a name the file does not hold.
  case unknownTensor(file: String, name: String)

  public var description: String {
    switch self {
    case .unreadable(let file, let reason):
      return "\(file): cannot be read or written: \(reason)"
    case .corruptStream(let file, let reason):
      return "\(file): compressed stream is corrupt: \(reason)"
    case .truncatedStream(let file):
      return "\(file): compressed stream ends before its last block (truncated file?)"
    case .badMagic(let file, let format, let expected, let found):
      return "\(file): not a \(format) file: magic bytes are \(found), expected \(expected)"
    case .truncatedHeader(let file, let format, let needed, let available):
      return "\(file): \(format) header needs \(needed) bytes but the file has only \(available)"
    case .invalidField(let file, let format, let field, let value, let expected):
      return "\(file): \(format) \(field) is \(value), expected \(expected)"
    case .payloadSizeMismatch(let file, let format, let dimensions, let elementBytes, let available):
      let claimed = dimensions.reduce(elementBytes, *)
      let product = dimensions.map(String.init).joined(separator: "×")
      let element = elementBytes == 1 ? "" : "×\(elementBytes)"
      let quantifier = available < claimed ? "only \(available)" : "\(available)"
      return
        "\(file): \(format) header claims \(product)\(element) = \(claimed) bytes but \(quantifier) follow"
    case .sizeOverflow(let file, let format, let dimensions):
      let product = dimensions.map(String.init).joined(separator: "×")
      return "\(file): \(format) header claims \(product) elements, which overflows a 64-bit size"
    case .partialRecord(let file, let format, let size, let recordSize):
      return "\(file): \(format) file of \(size) bytes is not a whole number of \(recordSize)-byte records"
    case .valueOutOfRange(let file, let field, let value, let allowed):
      return "\(file): \(field) is \(value), expected \(allowed.lowerBound)..<\(allowed.upperBound)"
    case .malformedRow(let file, let line, let reason):
      return "\(file): line \(line): \(reason)"
    case .checksumMismatch(let file, let format, let field, let stored, let computed):
      let hex = { (value: UInt32) -> String in
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
      }
      return "\(file): \(format) \(field) checksum is \(hex(stored)) but the bytes give \(hex(computed))"
    case .unknownTensor(let file, let name):
      return "\(file): no tensor named \"\(name)\""
    }
  }
}
