import Foundation
import Testing

@testable import Formats

@Suite("SafeTensorsWriter")
struct SafeTensorsWriterTests {
  @Test("the header is sorted by name, space-padded to 8 bytes, with contiguous offsets")
  func headerBytes() {
    let entries = [
      SafeTensorsWriter.Entry(name: "w", shape: [2], values: [1, 2]),
      SafeTensorsWriter.Entry(name: "b", shape: [], values: [3]),
    ]
    let sorted = [entries[1], entries[0]]
    let header = SafeTensorsWriter.header(sorted, metadata: ["step": "7"])
    let json =
      #"{"__metadata__":{"step":"7"},"b":{"dtype":"F32","shape":[],"data_offsets":[0,4]},"#
      + #""w":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#
    // 135 bytes of JSON, padded with 1 space to 136 = 17 × 8.
    let padded = json + " "
    #expect(json.utf8.count == 135)
    #expect(header == Data(CheckpointBytes.littleEndian(UInt64(136)) + Array(padded.utf8)))
  }

  @Test("a written file reads back with the same names, shapes, values and metadata")
  func roundTrip() throws {
    let directory = try TemporaryDirectory()
    let url = directory.url.appendingPathComponent("snapshot.safetensors")
    let weight: [Float] = (0..<6).map { Float($0) * 0.5 - 1 }
    try SafeTensorsWriter.write(
      [
        .init(name: "layers.1.weight", shape: [2, 3], values: weight),
        .init(name: "layers.0.bias", shape: [1]) { body in try [Float(-0.125)].withUnsafeBufferPointer(body)
        },
      ], metadata: ["epoch": "3"], to: url)
    let file = try SafeTensorsFile(url: url)
    #expect(file.tensors.map(\.name) == ["layers.0.bias", "layers.1.weight"])
    #expect(file.info(of: "layers.1.weight")?.shape == [2, 3])
    #expect(try file.values(of: "layers.1.weight") == weight)
    #expect(try file.values(of: "layers.0.bias") == [-0.125])
    #expect(file.metadata == ["epoch": "3"])
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
    #expect(leftovers == ["snapshot.safetensors"])
  }

  @Test("names needing JSON escapes survive the round trip")
  func escapedNames() throws {
    let directory = try TemporaryDirectory()
    let url = directory.url.appendingPathComponent("e.safetensors")
    let name = "a \"quoted\"\\name\u{1}é"
    try SafeTensorsWriter.write([.init(name: name, shape: [1], values: [4])], to: url)
    #expect(try SafeTensorsFile(url: url).values(of: name) == [4])
  }
}
