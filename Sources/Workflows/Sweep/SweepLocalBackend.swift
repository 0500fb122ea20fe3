import Foundation

/// Runs the pending tasks of a sweep as child processes of `executable` (`infogeo sweep task
/// SWEEP INDEX`), `workers` at a time, the largest networks first. Done runs are skipped; a task
/// that fails is started once more, then reported. Each task's output goes to `SWEEP/logs/<name>.log`.
public struct SweepLocalBackend: Sendable {
  /// The `infogeo` executable the workers run.
  public var executable: URL
  /// Tasks running at once.
  public var workers: Int
  /// Attempts per run in one execution (2: one retry).
  public var attempts = 2

  public init(executable: URL, workers: Int) {
    self.executable = executable
    self.workers = max(1, workers)
  }

  /// What an execution did.
  public struct Report: Sendable, Equatable {
    /// Runs already done before.
    public var skipped: [String] = []
    /// Runs finished now.
    public var completed: [String] = []
    /// Runs that failed every attempt, with the last error.
    public var failed: [String: String] = [:]
  }

  /// Executes every run of `sweep` that is not done, then rewrites the manifest's statuses.
  public func execute(sweep: URL, display: SweepStatusDisplay) throws -> Report {
    let manifest = try SweepManifest.read(from: sweep)
    let logs = sweep.appendingPathComponent("logs", isDirectory: true)
    try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
    var report = Report()
    var queue: [Int] = []
    for run in manifest.runs {
      if SweepRunState.read(SweepManifest.directory(of: run, in: sweep)).done != nil {
        report.skipped.append(run.name)
      } else {
        queue.append(run.index)
      }
    }
    if !report.skipped.isEmpty { display.event("\(report.skipped.count) run(s) already done, skipped") }
    // Largest networks first, so that the long runs do not end up alone at the end.
    let sizes = Dictionary(
      uniqueKeysWithValues: queue.map {
        ($0, (try? SweepScaling.parameterCount(manifest.runs[$0].configuration)) ?? 0)
      })
    queue.sort { (sizes[$0] ?? 0, $1) > (sizes[$1] ?? 0, $0) }
    var tries: [Int: Int] = [:]
    var running: [(index: Int, process: Process, started: Date)] = []
    var durations: [Double] = []
    func counts() -> SweepStatusDisplay.Counts {
      SweepStatusDisplay.Counts(
        done: report.skipped.count + report.completed.count, running: running.count,
        failed: report.failed.count,
        pending: queue.count)
    }
    func show() {
      let mean = durations.isEmpty ? nil : durations.reduce(0, +) / Double(durations.count)
      display.update(
        counts(), meanSeconds: mean, workers: workers,
        running: running.map {
          (manifest.runs[$0.index].name, ProgressReporter.duration(Date().timeIntervalSince($0.started)))
        })
    }
    while !queue.isEmpty || !running.isEmpty {
      while running.count < workers, !queue.isEmpty {
        let index = queue.removeFirst()
        tries[index, default: 0] += 1
        let name = manifest.runs[index].name
        let log = logs.appendingPathComponent("\(name).log")
        running.append((index, try start(sweep: sweep, index: index, log: log), Date()))
      }
      show()
      Thread.sleep(forTimeInterval: 0.2)
      var stillRunning: [(index: Int, process: Process, started: Date)] = []
      for entry in running {
        guard !entry.process.isRunning else {
          stillRunning.append(entry)
          continue
        }
        try? (entry.process.standardOutput as? FileHandle)?.close()
        let run = manifest.runs[entry.index]
        let seconds = Date().timeIntervalSince(entry.started)
        if entry.process.terminationStatus == 0 {
          report.completed.append(run.name)
          durations.append(seconds)
          display.event("done    \(run.name) in \(ProgressReporter.duration(seconds))")
          continue
        }
        let reason = Self.failureReason(sweep: sweep, run: run, status: entry.process.terminationStatus)
        if tries[entry.index, default: 0] < attempts {
          display.event("failed  \(run.name) (\(reason)); retrying")
          queue.insert(entry.index, at: 0)
        } else {
          display.event("failed  \(run.name) after \(attempts) attempts: \(reason)")
          report.failed[run.name] = reason
        }
      }
      running = stillRunning
    }
    show()
    try manifest.refreshed(in: sweep).write(to: sweep)
    return report
  }

  /// Starts `infogeo sweep task SWEEP INDEX` with its output appended to `log`.
  func start(sweep: URL, index: Int, log: URL) throws -> Process {
    if !FileManager.default.fileExists(atPath: log.path) {
      FileManager.default.createFile(atPath: log.path, contents: nil)
    }
    let handle = try FileHandle(forWritingTo: log)
    try handle.seekToEnd()
    let process = Process()
    process.executableURL = executable
    process.arguments = ["sweep", "task", sweep.path, "\(index)"]
    process.standardOutput = handle
    process.standardError = handle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    return process
  }

  /// The error of the last attempt (failure.json), else the exit status.
  static func failureReason(sweep: URL, run: SweepManifest.Run, status: Int32) -> String {
    let state = SweepRunState.read(SweepManifest.directory(of: run, in: sweep))
    let first = state.failure?.error.split(separator: "\n").first.map(String.init)
    return first ?? "exit status \(status), see logs/\(run.name).log"
  }
}
