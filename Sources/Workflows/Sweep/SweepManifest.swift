import Formats
import Foundation

/// sweep.json, the manifest of a sweep directory: the plan, the backend, and every run with its
/// resolved configuration, directory name and last known status.
///
/// ```
/// SWEEP/sweep.json          this manifest
/// SWEEP/runs/003-w64-s1/    a normal run directory, plus the task files of ``SweepRunState``
/// SWEEP/logs/               stdout and stderr of each task
/// SWEEP/slurm/              the sbatch script and the array tasks' output (Slurm backend)
/// SWEEP/scaling.json, scaling.html   written by `infogeo scaling`
/// ```
/// The statuses here are a snapshot (rewritten by the backends and by `infogeo sweep status`);
/// the task files in the run directories are the truth.
public struct SweepManifest: Codable, Sendable, Equatable {
  public static let fileName = "sweep.json"

  /// Where the runs are executed.
  public enum Backend: String, Codable, Sendable, CaseIterable {
    /// Worker processes on this machine.
    case local
    /// A Slurm job array.
    case slurm
  }

  /// One run of the sweep.
  public struct Run: Codable, Sendable, Equatable {
    public var index: Int
    public var name: String
    /// The run directory, relative to the sweep directory.
    public var directory: String
    public var configuration: RunConfiguration
    public var status: SweepRunState.Status
  }

  public var infogeoVersion: String = RunConfiguration.version
  public var plan: SweepPlan
  public var backend: Backend
  public var runs: [Run]
  /// Slurm job ids, in order of submission.
  public var slurmJobs: [String] = []

  /// The manifest of a new sweep: every run pending, in `runs/<name>`.
  public init(plan: SweepPlan, backend: Backend, runs: [SweepPlan.Run]) {
    self.plan = plan
    self.backend = backend
    self.runs = runs.map {
      Run(
        index: $0.index, name: $0.name, directory: "runs/\($0.name)", configuration: $0.configuration,
        status: .pending)
    }
  }

  /// The manifest file of a sweep directory.
  public static func url(in sweep: URL) -> URL { sweep.appendingPathComponent(fileName) }

  /// Reads `sweep/sweep.json`.
  public static func read(from sweep: URL) throws -> SweepManifest {
    let url = url(in: sweep)
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw SweepError.directory(path: sweep.path, problem: "no \(fileName): not a sweep directory")
    }
    return try JSON.decode(SweepManifest.self, from: url)
  }

  /// Writes `sweep/sweep.json` atomically.
  public func write(to sweep: URL) throws {
    try FileManager.default.createDirectory(at: sweep, withIntermediateDirectories: true)
    try AtomicFile.write(try JSON.encode(self), to: Self.url(in: sweep))
  }

  /// The run directory of `run`.
  public static func directory(of run: Run, in sweep: URL) -> URL {
    sweep.appendingPathComponent(run.directory, isDirectory: true)
  }

  /// The statuses refreshed from the task files.
  public func refreshed(in sweep: URL) -> SweepManifest {
    var copy = self
    for k in copy.runs.indices {
      copy.runs[k].status = SweepRunState.read(Self.directory(of: runs[k], in: sweep)).status
    }
    return copy
  }
}
