import Formats
import Foundation

/// One task of a sweep: train, analyse and report one run, idempotently. A done run is left as it
/// is; anything else is started again from an empty run directory. Both backends run tasks as
/// `infogeo sweep task SWEEP INDEX`.
public enum SweepTask {
  /// What a task did.
  public enum Outcome: Sendable, Equatable {
    /// The run was already done.
    case skipped
    /// The run was trained now.
    case completed(SweepRunState.Done)
  }

  /// Runs task `index` of the sweep in `sweep`.
  /// - Throws: ``SweepError`` for a missing manifest or index; the run's own error otherwise, after
  ///   writing it to failure.json.
  public static func execute(sweep: URL, index: Int, progress: ProgressReporter) throws -> Outcome {
    let manifest = try SweepManifest.read(from: sweep)
    guard manifest.runs.indices.contains(index) else {
      throw SweepError.noSuchRun(index: index, count: manifest.runs.count)
    }
    let run = manifest.runs[index]
    let url = SweepManifest.directory(of: run, in: sweep)
    let previous = SweepRunState.read(url)
    if previous.done != nil { return .skipped }
    let attempt = previous.attempts + 1
    let manager = FileManager.default
    if manager.fileExists(atPath: url.path) { try manager.removeItem(at: url) }
    try manager.createDirectory(at: url, withIntermediateDirectories: true)
    let started = SweepRunState.Started(
      attempt: attempt, host: ProcessInfo.processInfo.hostName,
      processIdentifier: ProcessInfo.processInfo.processIdentifier, startedAt: Date())
    try AtomicFile.write(try JSON.encode(started), to: url.appendingPathComponent(SweepRunState.startedFile))
    let clock = Date()
    do {
      let directory = RunDirectory(url)
      let outcome = try TrainingRun.execute(run.configuration, in: directory, progress: progress)
      let analysis = try RunPipeline.analyze(directory, settings: RunAnalysis.Settings())
      try RunReport.write(directory, analysis: analysis)
      let done = SweepRunState.Done(
        attempt: attempt, seconds: Date().timeIntervalSince(clock), steps: outcome.summary.steps,
        markerStep: analysis.primary?.analysis?.marker?.step, finishedAt: Date())
      try AtomicFile.write(try JSON.encode(done), to: url.appendingPathComponent(SweepRunState.doneFile))
      return .completed(done)
    } catch {
      let failure = SweepRunState.Failure(attempt: attempt, error: "\(error)", failedAt: Date())
      try? AtomicFile.write(
        try JSON.encode(failure), to: url.appendingPathComponent(SweepRunState.failureFile))
      throw error
    }
  }
}
