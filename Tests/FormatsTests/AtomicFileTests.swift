import Foundation
import Testing

@testable import Formats

@Suite("AtomicFile")
struct AtomicFileTests {
  @Test("writes a new file and replaces an existing one, leaving no temporary behind")
  func writeAndReplace() throws {
    let directory = try TemporaryDirectory()
    let url = directory.url.appendingPathComponent("state.json")
    try AtomicFile.write(Data("first".utf8), to: url)
    try AtomicFile.write(Data("second".utf8), to: url)
    #expect(try Data(contentsOf: url) == Data("second".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["state.json"])
  }

  @Test("a missing directory is an error naming the destination")
  func missingDirectory() {
    let url = URL(fileURLWithPath: "/nonexistent-dir/out.bin")
    #expect(throws: FormatError.self) { try AtomicFile.write(Data([1]), to: url) }
  }
}
