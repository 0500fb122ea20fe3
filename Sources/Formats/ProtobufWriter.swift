/// A minimal Protocol Buffers encoder (proto3 wire format) for the few messages this package writes.
///
/// Each field is a key, the varint `field << 3 | wireType`, followed by its value: varint (wire type
/// 0) for integers, 8 little-endian bytes (type 1) for `double`, 4 (type 5) for `float`, and a varint
/// length then the bytes (type 2) for strings, nested messages and packed repeated numbers.
public struct ProtobufWriter: Sendable {
  /// The message encoded so far.
  public private(set) var bytes: [UInt8] = []

  /// An empty message.
  public init() {}

  /// Appends `value` as a base-128 varint, least significant group first.
  public mutating func varint(_ value: UInt64) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  /// An `int64` field (negative values take ten bytes, as in two's complement).
  public mutating func int64(_ field: Int, _ value: Int64) {
    key(field, wireType: 0)
    varint(UInt64(bitPattern: value))
  }

  /// A `double` field (fixed64).
  public mutating func double(_ field: Int, _ value: Double) {
    key(field, wireType: 1)
    littleEndian(value.bitPattern)
  }

  /// A `float` field (fixed32).
  public mutating func float(_ field: Int, _ value: Float) {
    key(field, wireType: 5)
    littleEndian(value.bitPattern)
  }

  /// A `string` field, UTF-8.
  public mutating func string(_ field: Int, _ value: String) {
    lengthDelimited(field, Array(value.utf8))
  }

  /// A nested message field.
  public mutating func message(_ field: Int, _ message: ProtobufWriter) {
    lengthDelimited(field, message.bytes)
  }

  /// A packed `repeated double` field: one length-delimited run of fixed64 values.
  public mutating func packedDoubles(_ field: Int, _ values: [Double]) {
    var payload = ProtobufWriter()
    for value in values { payload.littleEndian(value.bitPattern) }
    lengthDelimited(field, payload.bytes)
  }

  /// A length-delimited field holding `payload` as is.
  public mutating func lengthDelimited(_ field: Int, _ payload: [UInt8]) {
    key(field, wireType: 2)
    varint(UInt64(payload.count))
    bytes += payload
  }

  private mutating func key(_ field: Int, wireType: UInt64) {
    varint(UInt64(field) << 3 | wireType)
  }

  private mutating func littleEndian<I: FixedWidthInteger>(_ value: I) {
    withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
  }
}
