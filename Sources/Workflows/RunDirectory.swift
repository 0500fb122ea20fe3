import Foundation

/// The files of one run, all in one directory:
///
/// ```
/// config.json        the resolved configuration (every default filled in, seed, version)
/// metrics.csv        step, epoch, learning rate, train/test (and validation) loss and accuracy
/// geometry.csv       per group and monitored step: Γ, L, moments, out-of-grid mass, diagnostics
/// histograms.csv     stored parameter histograms at log-spaced steps (the heatmap)
/// diagnostics.json   resolution and stride curves of L, estimator warnings
/// analysis.json      derivatives on the log-t grid, marker, reference points, Δs, early stopping
/// report.html        the self-contained report; figures/*.svg the same figures as files
/// params/            with --save-params: step-N.safetensors parameter snapshots
/// ```
/// CSV files are appended and flushed as the run goes, JSON files written atomically, so a run
/// stopped at any moment keeps everything up to its last flush and can still be analysed.
public struct RunDirectory: Sendable {
  public let url: URL

  public init(_ url: URL) { self.url = url }

  public var config: URL { url.appendingPathComponent("config.json") }
  public var metrics: URL { url.appendingPathComponent("metrics.csv") }
  public var geometry: URL { url.appendingPathComponent("geometry.csv") }
  public var histograms: URL { url.appendingPathComponent("histograms.csv") }
  public var diagnostics: URL { url.appendingPathComponent("diagnostics.json") }
  public var analysis: URL { url.appendingPathComponent("analysis.json") }
  public var report: URL { url.appendingPathComponent("report.html") }
  public var figures: URL { url.appendingPathComponent("figures", isDirectory: true) }
  public var parameters: URL { url.appendingPathComponent("params", isDirectory: true) }

  /// Creates a new, uniquely named directory under `parent`: `<name>-<yyyyMMdd-HHmmss>[-k]`.
  public static func create(under parent: URL, name: String) throws -> RunDirectory {
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    formatter.timeZone = TimeZone(identifier: "UTC")
    let stamp = formatter.string(from: Date())
    let manager = FileManager.default
    try manager.createDirectory(at: parent, withIntermediateDirectories: true)
    for attempt in 0..<1000 {
      let candidate = parent.appendingPathComponent("\(name)-\(stamp)" + (attempt == 0 ? "" : "-\(attempt)"))
      do {
        try manager.createDirectory(at: candidate, withIntermediateDirectories: false)
        return RunDirectory(candidate)
      } catch  where manager.fileExists(atPath: candidate.path) {
        continue
      }
    }
    throw CocoaError(.fileWriteFileExists)
  }

  /// An existing run directory; fails with a clear message when it holds no run.
  public static func open(_ path: String) throws -> RunDirectory {
    let run = RunDirectory(URL(fileURLWithPath: path, isDirectory: true))
    guard FileManager.default.fileExists(atPath: run.config.path) else {
      throw RunDirectoryError(path: path, problem: "no config.json: not a run directory")
    }
    return run
  }
}

/// A run directory that is missing or incomplete.
public struct RunDirectoryError: Error, CustomStringConvertible, Sendable {
  public var path: String
  public var problem: String
  public var description: String { "\(path): \(problem)" }
}
