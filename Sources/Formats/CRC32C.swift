/// CRC-32C (Castagnoli), the checksum of TFRecord framing, computed with a 256-entry table.
///
/// Reflected polynomial 0x82F63B78 (0x1EDC6F41 unreflected), initial value and final XOR 0xFFFFFFFF:
/// `"123456789"` gives 0xE3069283 (RFC 3720, appendix B.4).
public enum CRC32C {
  /// `table[b]` is the CRC register after shifting byte `b` through eight reflected steps.
  static let table: [UInt32] = (0..<256).map { byte in
    (0..<8).reduce(UInt32(byte)) { crc, _ in crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
  }

  /// The CRC-32C of `bytes`.
  public static func checksum<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
    }
    return crc ^ 0xFFFF_FFFF
  }

  /// The masked form TFRecord stores, `((crc >> 15) | (crc << 17)) + 0xa282ead8` (mod 2³²), which
  /// keeps a CRC of data that itself holds CRCs from being trivially related to them.
  public static func masked(_ crc: UInt32) -> UInt32 {
    ((crc >> 15) | (crc << 17)) &+ 0xA282_EAD8
  }

  /// The masked CRC-32C of `bytes`.
  public static func maskedChecksum<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt32 {
    masked(checksum(bytes))
  }
}
