import Foundation
import Testing

@testable import Formats

@Suite("NpyAppendWriter")
struct NpyAppendWriterTests {
  @Test("each append leaves a valid file of one more row, with the data never moved")
  func appendRows() throws {
    let directory = try TemporaryDirectory()
    let url = directory.url.appendingPathComponent("w.npy")
    let writer = try NpyAppendWriter(url: url, rowShape: [2, 3])
    #expect(try NpyFile(url: url).info.shape == [0, 2, 3])
    var all: [Float] = []
    var headerSize: Int?
    for row in 0..<12 {
      let values = (0..<6).map { Float(row * 10 + $0) }
      try writer.append(values)
      all += values
      let data = try Data(contentsOf: url)
      let file = try NpyFile(data: data, file: "w", name: "w")
      #expect(file.info.shape == [row + 1, 2, 3])
      #expect(try file.values(of: "w") == all)
      // The header length stays the same, so row r always starts at the same offset.
      let size = data.count - all.count * 4
      #expect(size == (headerSize ?? size) && size % 64 == 0)
      headerSize = size
    }
    #expect(writer.rowCount == 12)
    try writer.synchronize()
  }

  @Test("a one-dimensional series of scalars")
  func scalarRows() throws {
    let directory = try TemporaryDirectory()
    let url = directory.url.appendingPathComponent("loss.npy")
    let writer = try NpyAppendWriter(url: url, rowShape: [])
    try writer.append([0.5])
    try writer.append([0.25])
    let file = try NpyFile(url: url)
    #expect(file.info.shape == [2])
    #expect(try file.values(of: "loss") == [0.5, 0.25])
  }
}
