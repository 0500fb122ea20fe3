import Foundation
import Testing

@testable import Formats

@Suite("SHA256")
struct SHA256Tests {
  /// The FIPS 180-2 / NIST example messages and their SHA-256 digests.
  static let vectors: [(message: String, digest: String)] = [
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
  ]

  @Test("matches the FIPS test vectors", arguments: 0..<3)
  func vectors(index: Int) {
    let (message, digest) = Self.vectors[index]
    #expect(SHA256.hex(of: Data(message.utf8)) == digest)
  }

  @Test("a file spanning several read chunks hashes like its bytes in memory")
  func file() throws {
    let directory = try TemporaryDirectory()
    let url = directory.url.appendingPathComponent("million-a")
    // One million "a": the third FIPS 180-2 example; 1 MiB chunks split it unevenly.
    let data = Data(repeating: UInt8(ascii: "a"), count: 1_000_000)
    try data.write(to: url)
    let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
    #expect(try SHA256.hex(ofFileAt: url) == expected)
    #expect(SHA256.hex(of: data) == expected)
  }

  @Test("a missing file is an unreadable-file error naming it")
  func missing() {
    #expect {
      try SHA256.hex(ofFileAt: URL(fileURLWithPath: "/nonexistent/file.bin"))
    } throws: { error in
      (error as? FormatError)?.description.hasPrefix("/nonexistent/file.bin: ") == true
    }
  }
}
