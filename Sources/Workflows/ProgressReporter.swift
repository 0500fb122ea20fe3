import Foundation

/// Training progress on standard error: a bar redrawn in place on a terminal, a plain line every
/// few seconds otherwise (logs, CI), nothing when quiet.
public final class ProgressReporter {
  public enum Style: Sendable {
    case bar
    case lines(intervalSeconds: Double)
    case quiet
  }

  public let style: Style
  private let start = Date()
  private var lastPrint = Date.distantPast
  private var lastLength = 0

  public init(style: Style) { self.style = style }

  /// A bar when standard error is a terminal, lines every 5 s otherwise; `quiet` silences both.
  public static func standard(quiet: Bool) -> ProgressReporter {
    if quiet { return ProgressReporter(style: .quiet) }
    return ProgressReporter(style: isatty(STDERR_FILENO) != 0 ? .bar : .lines(intervalSeconds: 5))
  }

  /// Reports that `step` of `totalSteps` is done.
  public func update(step: Int, totalSteps: Int, epoch: Int, loss: Double, samples: Int) {
    let now = Date()
    let elapsed = now.timeIntervalSince(start)
    let rate = elapsed > 0 ? Double(samples) / elapsed : 0
    let remaining = step > 0 ? elapsed / Double(step) * Double(totalSteps - step) : 0
    let status = String(
      format: "epoch %d  step %d/%d  loss %.4f  %.0f samples/s  ETA %@", epoch, step, totalSteps, loss, rate,
      Self.duration(remaining))
    switch style {
    case .quiet:
      return
    case .bar:
      guard now.timeIntervalSince(lastPrint) > 0.1 || step == totalSteps else { return }
      let width = 24
      let filled = totalSteps > 0 ? width * step / totalSteps : width
      let bar =
        "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
      let line = bar + status
      let pad = String(repeating: " ", count: max(0, lastLength - line.count))
      write("\r" + line + pad + (step == totalSteps ? "\n" : ""))
      lastLength = line.count
    case .lines(let interval):
      guard now.timeIntervalSince(lastPrint) >= interval || step == totalSteps else { return }
      write(status + "\n")
    }
    lastPrint = now
  }

  /// A message on its own line (the bar is redrawn after it).
  public func message(_ text: String) {
    if case .quiet = style { return }
    if case .bar = style, lastLength > 0 {
      write("\n")
      lastLength = 0
    }
    write(text + "\n")
  }

  private func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  static func duration(_ seconds: Double) -> String {
    guard seconds.isFinite else { return "--" }
    let s = Int(seconds.rounded())
    return s >= 3600
      ? String(format: "%dh%02dm", s / 3600, s % 3600 / 60) : String(format: "%d:%02d", s / 60, s % 60)
  }
}
