import Foundation

/// Appends rows to a CSV file (RFC 4180: comma-separated, `\n`-terminated, quoted where needed).
///
/// Each row is written with one `write(2)` as soon as it is given, so a process killed mid-run
/// leaves every finished row on disk and at most one partial last line, which ``CSVReader`` drops
/// and ``init(appendingTo:header:)`` cuts off before appending.
public final class CSVWriter {
  /// The file written to.
  public let url: URL
  /// The column names, the file's first line.
  public let header: [String]
  private let handle: FileHandle

  private init(url: URL, header: [String], handle: FileHandle) {
    self.url = url
    self.header = header
    self.handle = handle
  }

  /// Creates (or empties) the file at `url` and writes the header line.
  public convenience init(creating url: URL, header: [String]) throws {
    guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
      throw FormatError.unreadable(file: url.path, reason: "cannot create the file")
    }
    self.init(url: url, header: header, handle: try Self.open(url))
    try writeLine(header)
  }

  /// Opens the file at `url` to append rows, creating it with the header if it does not exist
  /// (or holds not even a complete header line, as when a run was killed at once).
  ///
  /// An existing file must start with exactly `header`; an incomplete last line (no final `\n`,
  /// left by a killed run) is cut off first so the next row starts on a line of its own.
  public convenience init(appendingTo url: URL, header: [String]) throws {
    let exists = FileManager.default.fileExists(atPath: url.path)
    let data = exists ? FileManager.default.contents(atPath: url.path) : nil
    if exists && data == nil {
      throw FormatError.unreadable(file: url.path, reason: "cannot read the existing file")
    }
    guard let data, data.contains(UInt8(ascii: "\n")) else {
      try self.init(creating: url, header: header)
      return
    }
    let existing = try CSVReader(parsing: data, file: url.path)
    guard existing.header == header else {
      throw FormatError.malformedRow(
        file: url.path, line: 1,
        reason:
          "header is \(existing.header.joined(separator: ",")), expected \(header.joined(separator: ","))")
    }
    let handle = try Self.open(url)
    do {
      try handle.truncate(atOffset: UInt64(existing.completeByteCount))
      try handle.seekToEnd()
    } catch {
      throw FormatError.unreadable(file: url.path, reason: error.localizedDescription)
    }
    self.init(url: url, header: header, handle: handle)
  }

  deinit { try? handle.close() }

  /// Appends one row of fields (quoted where needed). `fields.count` must equal `header.count`.
  public func write(_ fields: [String]) throws {
    precondition(
      fields.count == header.count, "CSV row of \(fields.count) fields for \(header.count) columns")
    try writeLine(fields)
  }

  /// Appends one row of numbers in Swift's shortest round-trip form (`nan`, `inf` for non-finite).
  public func write(_ values: [Double]) throws {
    try write(values.map { "\($0)" })
  }

  /// Forces the rows written so far onto the disk (`fsync`).
  public func flush() throws {
    do { try handle.synchronize() } catch {
      throw FormatError.unreadable(file: url.path, reason: error.localizedDescription)
    }
  }

  /// `field` as it appears in a CSV line: wrapped in quotes, with inner quotes doubled, when it
  /// contains a comma, a quote, a line break, or leading or trailing spaces; unchanged otherwise.
  public static func quote(_ field: String) -> String {
    let needsQuotes =
      field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
      || field.first == " " || field.last == " "
    guard needsQuotes else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  private static func open(_ url: URL) throws -> FileHandle {
    do { return try FileHandle(forWritingTo: url) } catch {
      throw FormatError.unreadable(file: url.path, reason: error.localizedDescription)
    }
  }

  private func writeLine(_ fields: [String]) throws {
    let line = fields.map(Self.quote).joined(separator: ",") + "\n"
    do { try handle.write(contentsOf: Data(line.utf8)) } catch {
      throw FormatError.unreadable(file: url.path, reason: error.localizedDescription)
    }
  }
}
