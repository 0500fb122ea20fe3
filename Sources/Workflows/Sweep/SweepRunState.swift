import Formats
import Foundation

/// The task files of a sweep run, inside its run directory: `task.json` when a task starts,
/// `failure.json` when it fails, `done.json` written last and atomically when the run, its
/// analysis and its report are complete. A run is done exactly when done.json exists, so a task
/// killed at any moment leaves a run that the next task starts again from scratch.
public struct SweepRunState: Sendable, Equatable {
  /// Where a run stands.
  public enum Status: String, Codable, Sendable, CaseIterable {
    /// Not started.
    case pending
    /// Started and neither done nor failed (or killed without a trace).
    case running
    /// done.json exists.
    case done
    /// The last attempt failed.
    case failed
  }

  /// task.json: who is running the run.
  public struct Started: Codable, Sendable, Equatable {
    public var attempt: Int
    public var host: String
    public var processIdentifier: Int32
    public var startedAt: Date

    public init(attempt: Int, host: String, processIdentifier: Int32, startedAt: Date) {
      self.attempt = attempt
      self.host = host
      self.processIdentifier = processIdentifier
      self.startedAt = startedAt
    }
  }

  /// done.json: the run is complete.
  public struct Done: Codable, Sendable, Equatable {
    public var attempt: Int
    public var seconds: Double
    public var steps: Int
    /// The primary marker t_c, if the analysis found one.
    public var markerStep: Double?
    public var finishedAt: Date

    public init(attempt: Int, seconds: Double, steps: Int, markerStep: Double?, finishedAt: Date) {
      self.attempt = attempt
      self.seconds = seconds
      self.steps = steps
      self.markerStep = markerStep
      self.finishedAt = finishedAt
    }
  }

  /// failure.json: the last attempt's error.
  public struct Failure: Codable, Sendable, Equatable {
    public var attempt: Int
    public var error: String
    public var failedAt: Date

    public init(attempt: Int, error: String, failedAt: Date) {
      self.attempt = attempt
      self.error = error
      self.failedAt = failedAt
    }
  }

  public static let startedFile = "task.json"
  public static let doneFile = "done.json"
  public static let failureFile = "failure.json"

  public var started: Started?
  public var done: Done?
  public var failure: Failure?

  public var status: Status {
    if done != nil { return .done }
    if let failure, (started?.attempt ?? 0) <= failure.attempt { return .failed }
    return started == nil ? .pending : .running
  }

  /// The attempts so far (started or failed).
  public var attempts: Int { max(started?.attempt ?? 0, failure?.attempt ?? 0, done?.attempt ?? 0) }

  /// The state of the run directory `run` (missing or unreadable files count as absent).
  public static func read(_ run: URL) -> SweepRunState {
    func file<T: Decodable>(_ name: String, _ type: T.Type) -> T? {
      let url = run.appendingPathComponent(name)
      guard FileManager.default.fileExists(atPath: url.path) else { return nil }
      return try? JSON.decode(type, from: url)
    }
    return SweepRunState(
      started: file(startedFile, Started.self), done: file(doneFile, Done.self),
      failure: file(failureFile, Failure.self))
  }
}
