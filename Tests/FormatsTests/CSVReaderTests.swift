import Foundation
import Testing

@testable import Formats

@Suite("CSVReader")
struct CSVReaderTests {
  @Test("reads numeric columns by header name; empty fields are NaN")
  func columns() throws {
    let reader = try CSVReader(parsing: Data("step,loss\r\n1,0.5\r\n\r\n2,\r\n".utf8), file: "m.csv")
    let columns = try reader.columns()
    #expect(columns["step"] == [1, 2])
    #expect(columns["loss"]?.first == 0.5 && columns["loss"]?.last?.isNaN == true)
  }

  @Test(
    "a truncated last line (a killed writer) is dropped, not an error",
    arguments: ["3,0.", "3", "3,\"unterminated"])
  func truncatedLastLine(tail: String) throws {
    let reader = try CSVReader(parsing: Data(("step,loss\n1,0.5\n2,0.4\n" + tail).utf8), file: "m.csv")
    #expect(reader.droppedIncompleteRow)
    #expect(try reader.numericRows() == [[1, 0.5], [2, 0.4]])
    #expect(reader.completeByteCount == 22)
  }

  @Test("a complete row with the wrong number of fields names its line")
  func wrongFieldCount() {
    #expect(
      throws: FormatError.malformedRow(
        file: "m.csv", line: 3, reason: "3 fields, expected 2 as in the header")
    ) {
      try CSVReader(parsing: Data("a,b\n1,2\n1,2,3\n".utf8), file: "m.csv")
    }
  }

  @Test("a non-numeric field names its column and line")
  func notANumber() throws {
    let reader = try CSVReader(parsing: Data("a,b\n1,2\n3,x\n".utf8), file: "m.csv")
    #expect(throws: FormatError.malformedRow(file: "m.csv", line: 3, reason: "b is \"x\", not a number")) {
      try reader.columns()
    }
  }

  @Test("a file without a complete header line is an error")
  func noHeader() {
    #expect(throws: FormatError.self) { try CSVReader(parsing: Data("step,lo".utf8), file: "m.csv") }
    #expect(throws: FormatError.self) { try CSVReader(parsing: Data(), file: "m.csv") }
  }
}
