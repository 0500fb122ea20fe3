import Foundation

/// TFRecord framing, the container of TensorBoard event files.
///
/// Each record is `uint64 length` (little-endian), `uint32 masked CRC-32C of those 8 bytes`, the
/// `length` data bytes, and `uint32 masked CRC-32C of the data` (``CRC32C/masked(_:)``).
public enum TFRecord {
  /// The framed bytes of one record.
  public static func frame(_ record: [UInt8]) -> [UInt8] {
    var length: [UInt8] = []
    withUnsafeBytes(of: UInt64(record.count).littleEndian) { length += $0 }
    return length + littleEndian(CRC32C.maskedChecksum(length)) + record
      + littleEndian(CRC32C.maskedChecksum(record))
  }

  /// The records of a TFRecord file, each checked against both CRCs.
  /// - Parameter file: the name used in error messages.
  public static func records(in data: Data, file: String) throws -> [Data] {
    let format = "TFRecord"
    let view = ByteView(data: data)
    var records: [Data] = []
    var position = 0
    while position < data.count {
      let field = "record \(records.count)"
      guard data.count - position >= 12 else {
        throw FormatError.truncatedHeader(
          file: file, format: format, needed: 12, available: data.count - position)
      }
      let lengthBytes = data[(data.startIndex + position)..<(data.startIndex + position + 8)]
      let length = UInt64(view.uint32(position)) | UInt64(view.uint32(position + 4)) << 32
      let lengthCRC = view.uint32(position + 8)
      guard CRC32C.maskedChecksum(lengthBytes) == lengthCRC else {
        throw FormatError.checksumMismatch(
          file: file, format: format, field: "\(field) length", stored: lengthCRC,
          computed: CRC32C.maskedChecksum(lengthBytes))
      }
      let available = data.count - position - 12
      guard length <= UInt64(available), available - Int(length) >= 4 else {
        throw FormatError.invalidField(
          file: file, format: format, field: "\(field) length", value: "\(length)",
          expected: "at most \(max(0, available - 4)), the bytes left before the data checksum")
      }
      let start = data.startIndex + position + 12
      let record = data[start..<(start + Int(length))]
      let dataCRC = view.uint32(position + 12 + Int(length))
      let computed = CRC32C.maskedChecksum(record)
      guard computed == dataCRC else {
        throw FormatError.checksumMismatch(
          file: file, format: format, field: "\(field) data", stored: dataCRC, computed: computed)
      }
      records.append(Data(record))
      position += 16 + Int(length)
    }
    return records
  }

  private static func littleEndian(_ value: UInt32) -> [UInt8] {
    withUnsafeBytes(of: value.littleEndian) { Array($0) }
  }
}
