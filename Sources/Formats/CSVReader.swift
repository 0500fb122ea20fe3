import Foundation

/// A CSV table read back: a header line and rows of fields (RFC 4180 quoting, `\n` or `\r\n`).
///
/// A last line without its terminating `\n` is treated as a row cut short by a killed writer and
/// dropped (``droppedIncompleteRow`` tells); every complete row must have as many fields as the
/// header. Blank lines are skipped.
public struct CSVReader: Sendable {
  /// The name used in error messages.
  public let file: String
  /// The column names.
  public let header: [String]
  /// The complete rows, each with `header.count` fields.
  public let rows: [[String]]
  /// Whether an incomplete final line was dropped.
  public let droppedIncompleteRow: Bool
  /// The length in bytes of the complete lines (the offset where an incomplete line starts).
  public let completeByteCount: Int
  private let rowLines: [Int]

  /// Reads the CSV file at `url`.
  public init(contentsOf url: URL) throws {
    let data: Data
    do { data = try Data(contentsOf: url) } catch {
      throw FormatError.unreadable(file: url.path, reason: error.localizedDescription)
    }
    try self.init(parsing: data, file: url.path)
  }

  /// Parses CSV text (UTF-8).
  public init(parsing data: Data, file: String) throws {
    self.file = file
    let bytes = [UInt8](data)
    var records: [(line: Int, fields: [String])] = []
    var fields: [String] = []
    var field: [UInt8] = []
    var inQuotes = false
    var line = 1
    var recordLine = 1
    var completeByteCount = 0
    var index = 0
    func endField() {
      fields.append(String(decoding: field, as: UTF8.self))
      field.removeAll(keepingCapacity: true)
    }
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if inQuotes {
        if byte == UInt8(ascii: "\"") {
          if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            field.append(byte)
            index += 1
          } else {
            inQuotes = false
          }
        } else {
          if byte == UInt8(ascii: "\n") { line += 1 }
          field.append(byte)
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""):
        inQuotes = true
      case UInt8(ascii: ","):
        endField()
      case UInt8(ascii: "\n"):
        if field.last == UInt8(ascii: "\r") { field.removeLast() }
        endField()
        if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
        fields.removeAll(keepingCapacity: true)
        completeByteCount = index
        line += 1
        recordLine = line
      default:
        field.append(byte)
      }
    }
    let incomplete = completeByteCount < bytes.count
    guard let first = records.first else {
      throw FormatError.malformedRow(file: file, line: 1, reason: "no complete header line")
    }
    for record in records.dropFirst() where record.fields.count != first.fields.count {
      throw FormatError.malformedRow(
        file: file, line: record.line,
        reason: "\(record.fields.count) fields, expected \(first.fields.count) as in the header")
    }
    header = first.fields
    rows = records.dropFirst().map(\.fields)
    rowLines = records.dropFirst().map(\.line)
    droppedIncompleteRow = incomplete
    self.completeByteCount = completeByteCount
  }

  /// The rows as numbers, in file order. An empty field reads as NaN (a missing value).
  public func numericRows() throws -> [[Double]] {
    try zip(rows, rowLines).map { row, line in
      try zip(header, row).map { name, text in try number(text, column: name, line: line) }
    }
  }

  /// The table as numeric columns keyed by header name (an empty field reads as NaN).
  public func columns() throws -> [String: [Double]] {
    let values = try numericRows()
    var result: [String: [Double]] = [:]
    for (column, name) in header.enumerated() {
      result[name] = values.map { $0[column] }
    }
    return result
  }

  private func number(_ text: String, column: String, line: Int) throws -> Double {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty { return .nan }
    guard let value = Double(trimmed) else {
      throw FormatError.malformedRow(file: file, line: line, reason: "\(column) is \"\(text)\", not a number")
    }
    return value
  }
}
