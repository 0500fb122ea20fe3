import Foundation
import Testing

@testable import Formats

@Suite("Gzip")
struct GzipTests {
  /// Pseudo-random but compressible bytes (a small alphabet), so the stream spans many blocks.
  static func sample(count: Int) -> Data {
    var state: UInt32 = 12345
    return Data(
      (0..<count).map { _ in
        state = state &* 1_103_515_245 &+ 12345
        return UInt8(truncatingIfNeeded: state >> 16) & 0x0f
      })
  }

  @Test("compress then decompress returns the input", arguments: [0, 1, 1000, 300_000])
  func roundTrip(count: Int) throws {
    let data = Self.sample(count: count)
    let compressed = Gzip.compress(data)
    #expect(Gzip.isCompressed(compressed))
    #expect(try Gzip.decompress(compressed, file: "x.gz") == data)
  }

  @Test("decompressIfCompressed passes raw bytes through unchanged")
  func rawPassThrough() throws {
    let data = Data([0, 0, 8, 1, 0, 0, 0, 0])
    #expect(try Gzip.decompressIfCompressed(data, file: "raw") == data)
  }

  @Test("concatenated gzip members decompress to the concatenation")
  func members() throws {
    let a = Self.sample(count: 5000)
    let b = Data("second member".utf8)
    #expect(try Gzip.decompress(Gzip.compress(a) + Gzip.compress(b), file: "m.gz") == a + b)
  }

  @Test("a truncated stream is reported as truncated")
  func truncated() throws {
    let compressed = Gzip.compress(Self.sample(count: 100_000))
    let cut = compressed.prefix(compressed.count / 2)
    #expect(throws: FormatError.truncatedStream(file: "cut.gz")) {
      try Gzip.decompress(cut, file: "cut.gz")
    }
  }

  @Test("a corrupted stream is reported as corrupt with zlib's reason")
  func corrupt() throws {
    var compressed = Gzip.compress(Self.sample(count: 100_000))
    // Flip bytes throughout the deflate data: either a block becomes invalid or the trailer's
    // CRC-32 check fails; both are data errors.
    for offset in stride(from: 20, to: compressed.count - 8, by: 97) { compressed[offset] ^= 0x5a }
    do {
      _ = try Gzip.decompress(compressed, file: "bad.gz")
      Issue.record("corrupt stream was accepted")
    } catch let error as FormatError {
      guard case .corruptStream(let file, let reason) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(file == "bad.gz" && !reason.isEmpty)
      #expect(error.description.hasPrefix("bad.gz: compressed stream is corrupt: "))
    }
  }

  @Test("raw deflate: the body of a gzip member inflates with window bits -15")
  func rawDeflate() throws {
    let data = Self.sample(count: 20_000)
    let member = Gzip.compress(data)
    // A gzip member with no optional fields: 10-byte header, deflate body, 8-byte trailer (RFC 1952).
    let body = member.dropFirst(10).dropLast(8)
    #expect(try Gzip.inflateRaw(Data(body), sizeHint: data.count, file: "entry") == data)
  }

  @Test("readFile inflates a .gz file and reads a raw file as is")
  func readFile() throws {
    let directory = try TemporaryDirectory()
    let data = Self.sample(count: 4000)
    let gz = directory.url.appendingPathComponent("a.gz")
    let raw = directory.url.appendingPathComponent("a.bin")
    try Gzip.compress(data).write(to: gz)
    try data.write(to: raw)
    #expect(try Gzip.readFile(at: gz) == data)
    #expect(try Gzip.readFile(at: raw) == data)
    #expect(throws: FormatError.self) { try Gzip.readFile(at: directory.url.appendingPathComponent("none")) }
  }
}
