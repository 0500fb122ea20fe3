import Foundation

/// Writes a `<f4` C-order `.npy` file that grows along axis 0, one row (e.g. one parameter snapshot)
/// per ``append(_:)``.
///
/// The version 1.0 header reserves room for the leading extent to grow to 21 digits
/// (``NpyHeader/growthDigits``, as NumPy's own `GROWTH_AXIS_MAX_DIGITS`): its dict is followed by
/// padding spaces that absorb the longer number, so the header is rewritten in place with the same
/// length and the data never move. After every append the file is a complete, valid `.npy` of shape
/// `[rowCount] + rowShape` (the row is written first, then the header), readable by ``NpyFile`` and
/// NumPy.
public final class NpyAppendWriter {
  /// The file written.
  public let url: URL
  /// The shape of one row; the file's shape is `[rowCount] + rowShape`.
  public let rowShape: [Int]
  /// The rows appended so far.
  public private(set) var rowCount = 0

  private let handle: FileHandle
  private let headerSize: Int
  private let rowElements: Int

  /// Creates (or truncates) `url` with zero rows of shape `rowShape`.
  public init(url: URL, rowShape: [Int]) throws {
    self.url = url
    self.rowShape = rowShape
    self.rowElements = rowShape.reduce(1, *)
    let header = Self.header(rows: 0, rowShape: rowShape)
    headerSize = header.count
    do {
      guard FileManager.default.createFile(atPath: url.path, contents: header) else {
        throw FormatError.unreadable(file: url.path, reason: "cannot create the file")
      }
      handle = try FileHandle(forWritingTo: url)
    } catch {
      if let error = error as? FormatError { throw error }
      throw FormatError.unreadable(file: url.path, reason: error.localizedDescription)
    }
  }

  deinit { try? handle.close() }

  /// Appends one row of `Π rowShape` values and rewrites the header's leading extent.
  public func append(_ row: UnsafeBufferPointer<Float>) throws {
    precondition(row.count == rowElements, "\(url.path): a row of \(row.count) values for shape \(rowShape)")
    do {
      try handle.seek(toOffset: UInt64(headerSize + rowCount * rowElements * MemoryLayout<Float>.size))
      try handle.write(contentsOf: UnsafeRawBufferPointer(row))
      let header = Self.header(rows: rowCount + 1, rowShape: rowShape)
      precondition(header.count == headerSize, "the reserved header space holds any Int extent")
      try handle.seek(toOffset: 0)
      try handle.write(contentsOf: header)
    } catch {
      throw FormatError.unreadable(file: url.path, reason: error.localizedDescription)
    }
    rowCount += 1
  }

  /// Appends one row of `Π rowShape` values.
  public func append(_ row: [Float]) throws {
    try row.withUnsafeBufferPointer { try append($0) }
  }

  /// Flushes the file to disk (`fsync`).
  public func synchronize() throws {
    do {
      try handle.synchronize()
    } catch {
      throw FormatError.unreadable(file: url.path, reason: error.localizedDescription)
    }
  }

  private static func header(rows: Int, rowShape: [Int]) -> Data {
    NpyHeader(dtype: .float32, bigEndian: false, fortranOrder: false, shape: [rows] + rowShape)
      .encoded(reservingGrowth: true)
  }
}
