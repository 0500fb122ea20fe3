import Foundation

/// The live status of a sweep on standard error: on a terminal, a table redrawn in place at most once a
/// second unless the counts change (counts, ETA, one line per running run); otherwise a plain line for each event and for each change of
/// the counts.
public final class SweepStatusDisplay {
  /// The counts of one moment.
  public struct Counts: Equatable, Sendable {
    public var done = 0
    public var running = 0
    public var failed = 0
    public var pending = 0
    public init(done: Int = 0, running: Int = 0, failed: Int = 0, pending: Int = 0) {
      self.done = done
      self.running = running
      self.failed = failed
      self.pending = pending
    }
    public var total: Int { done + running + failed + pending }
  }

  private let interactive: Bool
  private let quiet: Bool
  private var drawnLines = 0
  private var lastCounts: Counts?
  private var lastDraw = Date.distantPast

  /// A display that redraws when `interactive`, prints lines otherwise, and nothing when `quiet`.
  public init(interactive: Bool = isatty(STDERR_FILENO) != 0, quiet: Bool = false) {
    self.interactive = interactive
    self.quiet = quiet
  }

  /// The summary line, e.g. `done 3/12  running 2  failed 0  pending 7  ETA 4:12`. The ETA is the
  /// mean time of the finished runs times the runs left, over the number of `workers`.
  public static func summary(_ c: Counts, meanSeconds: Double?, workers: Int) -> String {
    var line = "done \(c.done)/\(c.total)  running \(c.running)  failed \(c.failed)  pending \(c.pending)"
    if let meanSeconds, c.running + c.pending > 0 {
      let left =
        meanSeconds * Double(c.running + c.pending) / Double(max(1, min(workers, c.running + c.pending)))
      line += "  ETA " + ProgressReporter.duration(left)
    }
    return line
  }

  /// Shows the counts and the running runs (name and detail, e.g. elapsed time).
  public func update(
    _ counts: Counts, meanSeconds: Double?, workers: Int, running: [(name: String, detail: String)]
  ) {
    guard !quiet else { return }
    let line = Self.summary(counts, meanSeconds: meanSeconds, workers: workers)
    if interactive {
      guard counts != lastCounts || Date().timeIntervalSince(lastDraw) >= 1 else { return }
      lastDraw = Date()
      var text = drawnLines > 0 ? "\u{1B}[\(drawnLines)F\u{1B}[J" : ""
      text += line + "\n" + running.map { "  running \($0.name)  \($0.detail)\n" }.joined()
      drawnLines = 1 + running.count
      write(text)
    } else if counts != lastCounts {
      write(line + "\n")
    }
    lastCounts = counts
  }

  /// An event on its own line (above the table on a terminal).
  public func event(_ text: String) {
    guard !quiet else { return }
    if interactive && drawnLines > 0 {
      write("\u{1B}[\(drawnLines)F\u{1B}[J")
      drawnLines = 0
    }
    write(text + "\n")
  }

  private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
