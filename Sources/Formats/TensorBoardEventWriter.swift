import Foundation

/// Writes a TensorBoard event file, `<directory>/events.out.tfevents.<unix seconds>.<hostname>`,
/// readable by TensorBoard (`tensorboard --logdir <directory>`).
///
/// The first record is an ``TensorBoardEvent`` carrying `file_version = "brain.Event:2"`. Records are
/// framed with ``TFRecord/frame(_:)``, kept in memory and written by ``flush()`` (also called when
/// 1 MiB is pending and on `deinit`). A second writer started in the same second on the same host
/// replaces the first one's file.
public final class TensorBoardEventWriter {
  /// The event file.
  public let url: URL

  private let handle: FileHandle
  private var pending: [UInt8] = []
  private static let flushThreshold = 1 << 20

  /// Creates `directory` if needed and starts a new event file in it.
  public init(
    directory: URL, hostname: String = ProcessInfo.processInfo.hostName,
    wallTime: Double = Date().timeIntervalSince1970
  ) throws {
    url = directory.appendingPathComponent("events.out.tfevents.\(Int(wallTime)).\(hostname)")
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
        throw FormatError.unreadable(file: url.path, reason: "cannot create the event file")
      }
      handle = try FileHandle(forWritingTo: url)
    } catch {
      if let error = error as? FormatError { throw error }
      throw FormatError.unreadable(file: url.path, reason: error.localizedDescription)
    }
    try add(
      TensorBoardEvent(wallTime: wallTime, step: 0, content: .fileVersion(TensorBoardEvent.fileVersion)))
  }

  deinit {
    try? flush()
    try? handle.close()
  }

  /// Records a scalar (`simple_value`) for `tag` at `step`.
  public func addScalar(tag: String, value: Float, step: Int, wallTime: Double = Date().timeIntervalSince1970)
    throws
  {
    try add(summary: .init(tag: tag, kind: .simpleValue(value)), step: step, wallTime: wallTime)
  }

  /// Records a histogram for `tag` at `step` from `counts.count + 1` ascending bin `edges`, the bin
  /// `counts`, and the values' `min`, `max`, `sum` and sum of squares.
  public func addHistogram(
    tag: String, edges: [Double], counts: [Double], min: Double, max: Double, sum: Double,
    sumSquares: Double, step: Int, wallTime: Double = Date().timeIntervalSince1970
  ) throws {
    let histogram = TensorBoardHistogram(
      edges: edges, counts: counts, min: min, max: max, sum: sum, sumSquares: sumSquares)
    try add(summary: .init(tag: tag, kind: .histogram(histogram)), step: step, wallTime: wallTime)
  }

  /// Appends any event.
  public func add(_ event: TensorBoardEvent) throws {
    pending += TFRecord.frame(event.encoded)
    if pending.count >= Self.flushThreshold { try flush() }
  }

  /// Writes the pending records to the file.
  public func flush() throws {
    guard !pending.isEmpty else { return }
    do {
      try handle.write(contentsOf: pending)
    } catch {
      throw FormatError.unreadable(file: url.path, reason: error.localizedDescription)
    }
    pending.removeAll(keepingCapacity: true)
  }

  private func add(summary value: TensorBoardEvent.Value, step: Int, wallTime: Double) throws {
    try add(TensorBoardEvent(wallTime: wallTime, step: Int64(step), content: .summary([value])))
  }
}
