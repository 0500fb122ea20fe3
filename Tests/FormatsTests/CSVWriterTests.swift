import Foundation
import Testing

@testable import Formats

@Suite("CSVWriter")
struct CSVWriterTests {
  @Test("quotes fields with commas, quotes, line breaks or edge spaces only")
  func quoting() {
    #expect(CSVWriter.quote("loss") == "loss")
    #expect(CSVWriter.quote("a,b") == "\"a,b\"")
    #expect(CSVWriter.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(CSVWriter.quote("two\nlines") == "\"two\nlines\"")
    #expect(CSVWriter.quote(" padded") == "\" padded\"")
  }

  @Test("rows written are read back exactly, numbers round-trip")
  func roundTrip() throws {
    let directory = try TemporaryDirectory()
    let url = directory.url.appendingPathComponent("metrics.csv")
    let writer = try CSVWriter(creating: url, header: ["step", "loss", "note"])
    try writer.write(["1", "0.5", "a,b"])
    try writer.write(["2", "0.25", "say \"hi\"\nbye"])
    try writer.flush()
    let reader = try CSVReader(contentsOf: url)
    #expect(reader.header == ["step", "loss", "note"])
    #expect(reader.rows == [["1", "0.5", "a,b"], ["2", "0.25", "say \"hi\"\nbye"]])
    #expect(!reader.droppedIncompleteRow)

    let numbers = try CSVWriter(creating: url, header: ["x", "y"])
    // Values whose decimal forms are long: the shortest round-trip form must restore the same bits.
    let values: [[Double]] = [[0.1, 1.0 / 3.0], [-2.5e-300, .infinity], [1e17, 123_456.789]]
    for row in values { try numbers.write(row) }
    #expect(try CSVReader(contentsOf: url).numericRows() == values)
  }

  @Test("appending keeps earlier rows and cuts off a partial last line first")
  func append() throws {
    let directory = try TemporaryDirectory()
    let url = directory.url.appendingPathComponent("log.csv")
    try Data("step,loss\n1,0.5\n2,0.4\n3,0.".utf8).write(to: url)
    let writer = try CSVWriter(appendingTo: url, header: ["step", "loss"])
    try writer.write([3, 0.3])
    #expect(try String(contentsOf: url, encoding: .utf8) == "step,loss\n1,0.5\n2,0.4\n3.0,0.3\n")
  }

  @Test(
    "appending to a missing file, or one without a whole header line, starts it afresh",
    arguments: [nil, "", "st"])
  func appendCreates(existing: String?) throws {
    let directory = try TemporaryDirectory()
    let url = directory.url.appendingPathComponent("new.csv")
    if let existing { try Data(existing.utf8).write(to: url) }
    try CSVWriter(appendingTo: url, header: ["a"]).write(["1"])
    #expect(try String(contentsOf: url, encoding: .utf8) == "a\n1\n")
  }

  @Test("appending under a different header is refused")
  func appendWrongHeader() throws {
    let directory = try TemporaryDirectory()
    let url = directory.url.appendingPathComponent("log.csv")
    try Data("step,loss\n1,0.5\n".utf8).write(to: url)
    #expect(throws: FormatError.self) { try CSVWriter(appendingTo: url, header: ["step", "accuracy"]) }
  }
}
