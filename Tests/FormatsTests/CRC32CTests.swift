import Testing

@testable import Formats

@Suite("CRC32C")
struct CRC32CTests {
  /// Published check values: "123456789" (the CRC catalogue's check string) and the iSCSI test
  /// patterns of RFC 3720, appendix B.4.
  static let published: [([UInt8], UInt32)] = [
    (Array("123456789".utf8), 0xE306_9283),
    ([UInt8](repeating: 0, count: 32), 0x8A91_36AA),
    ([UInt8](repeating: 0xFF, count: 32), 0x62A8_AB43),
    ((0..<32).map { UInt8($0) }, 0x46DD_794E),
    ((0..<32).map { UInt8(31 - $0) }, 0x113F_DB5C),
    ([], 0),
  ]

  @Test("matches published vectors", arguments: published)
  func vectors(bytes: [UInt8], expected: UInt32) {
    #expect(CRC32C.checksum(bytes) == expected)
  }

  @Test("masking rotates right by 15 and adds 0xa282ead8")
  func mask() {
    // 0xE3069283 rotated right by 15 is 0x2507C60D; + 0xA282EAD8 = 0xC78AB0E5 (mod 2³²).
    #expect(CRC32C.masked(0xE306_9283) == 0xC78A_B0E5)
    #expect(CRC32C.masked(0) == 0xA282_EAD8)
  }
}
