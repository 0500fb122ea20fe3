import Formats
import Foundation

/// Runs a sweep as a Slurm job array: one array task per run that is not done, each running
/// `infogeo sweep task SWEEP $SLURM_ARRAY_TASK_ID` (and once more if that fails). Tasks are
/// idempotent, so resubmitting after a node failure reruns only what is missing.
///
/// The sweep directory and the executable must be on a file system the compute nodes share.
public struct SweepSlurmBackend: Sendable {
  /// The resources of each array task.
  public struct Settings: Codable, Sendable, Equatable {
    /// `--partition`; nil: the cluster's default.
    public var partition: String?
    /// `--time`, e.g. `01:00:00`.
    public var time: String
    /// `--cpus-per-task`; also the runs' `threads`.
    public var cpusPerTask: Int
    /// `--mem`, e.g. `4G`.
    public var memory: String

    public init(
      partition: String? = nil, time: String = "01:00:00", cpusPerTask: Int = 1, memory: String = "4G"
    ) {
      self.partition = partition
      self.time = time
      self.cpusPerTask = cpusPerTask
      self.memory = memory
    }
  }

  public var executable: URL
  public var settings: Settings

  public init(executable: URL, settings: Settings) {
    self.executable = executable
    self.settings = settings
  }

  /// The `--array` value for `indices`, runs of consecutive indices as ranges: `0-3,5,7-9`.
  public static func arraySpec(_ indices: [Int]) -> String {
    var parts: [String] = []
    var k = 0
    let sorted = Array(Set(indices)).sorted()
    while k < sorted.count {
      var end = k
      while end + 1 < sorted.count && sorted[end + 1] == sorted[end] + 1 { end += 1 }
      parts.append(end == k ? "\(sorted[k])" : "\(sorted[k])-\(sorted[end])")
      k = end + 1
    }
    return parts.joined(separator: ",")
  }

  /// The sbatch script for the array tasks `indices` of the sweep in `sweep` (an absolute path).
  public func script(sweep: URL, name: String, indices: [Int]) -> String {
    let output = sweep.appendingPathComponent("slurm/task-%a.out").path
    var lines = [
      "#!/bin/bash",
      "#SBATCH --job-name=\(Self.quoted("infogeo-\(name)"))",
      "#SBATCH --array=\(Self.arraySpec(indices))",
      "#SBATCH --cpus-per-task=\(settings.cpusPerTask)",
      "#SBATCH --mem=\(settings.memory)",
      "#SBATCH --time=\(settings.time)",
      "#SBATCH --output=\(Self.quoted(output))",
    ]
    if let partition = settings.partition { lines.append("#SBATCH --partition=\(partition)") }
    let task =
      "\(Self.quoted(executable.path)) sweep task \(Self.quoted(sweep.path)) \"$SLURM_ARRAY_TASK_ID\""
    lines += [
      "# One run of the sweep per array task; a failed run is tried once more.",
      "\(task) || \(task)",
    ]
    return lines.joined(separator: "\n") + "\n"
  }

  /// A shell word: the text in single quotes when it holds anything but safe characters.
  static func quoted(_ text: String) -> String {
    let safe = CharacterSet(
      charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./%=:+,")
    if !text.isEmpty && text.unicodeScalars.allSatisfy({ safe.contains($0) }) { return text }
    return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// Writes `SWEEP/slurm/sweep-<k>.sbatch` for the runs that are not done, submits it, records the
  /// job id in the manifest and returns it; nil when every run is done.
  public func submit(sweep: URL) throws -> String? {
    var manifest = try SweepManifest.read(from: sweep)
    let missing = manifest.runs.filter {
      SweepRunState.read(SweepManifest.directory(of: $0, in: sweep)).done == nil
    }
    guard !missing.isEmpty else { return nil }
    let folder = sweep.appendingPathComponent("slurm", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("sweep-\(manifest.slurmJobs.count + 1).sbatch")
    try AtomicFile.write(
      Data(script(sweep: sweep, name: manifest.plan.name, indices: missing.map(\.index)).utf8), to: file)
    let (status, output) = try Self.command(["sbatch", "--parsable", file.path])
    guard status == 0 else { throw SweepError.slurm(command: "sbatch \(file.path)", output: output) }
    let job =
      output.split(separator: ";").first.map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
      ?? ""
    manifest.backend = .slurm
    manifest.slurmJobs.append(job)
    try manifest.refreshed(in: sweep).write(to: sweep)
    return job
  }

  /// The states of the job's array tasks still in the queue (`squeue`), by task index; empty when
  /// the job has left the queue.
  public static func queued(job: String) -> [Int: String] {
    guard let (status, output) = try? command(["squeue", "-h", "-r", "-j", job, "-o", "%K %T"]), status == 0
    else {
      return [:]
    }
    var states: [Int: String] = [:]
    for line in output.split(separator: "\n") {
      let fields = line.split(separator: " ")
      if fields.count == 2, let index = Int(fields[0]) { states[index] = String(fields[1]) }
    }
    return states
  }

  /// Follows `job` until it has left the queue, showing the statuses every `interval` seconds,
  /// then rewrites the manifest's statuses and reports the final Slurm states (`sacct`, when
  /// accounting is available).
  public static func follow(job: String, sweep: URL, display: SweepStatusDisplay, interval: Double = 2) throws
    -> SweepManifest
  {
    let manifest = try SweepManifest.read(from: sweep)
    while true {
      let queue = queued(job: job)
      let refreshed = manifest.refreshed(in: sweep)
      var counts = SweepStatusDisplay.Counts()
      var running: [(name: String, detail: String)] = []
      for run in refreshed.runs {
        switch (run.status, queue[run.index]) {
        case (.done, _): counts.done += 1
        case (_, "RUNNING"?):
          counts.running += 1
          running.append((run.name, "RUNNING"))
        case (_, let state?) where state != "RUNNING": counts.pending += 1
        case (.failed, nil): counts.failed += 1
        default: counts.pending += 1
        }
      }
      display.update(counts, meanSeconds: nil, workers: 1, running: running)
      if queue.isEmpty { break }
      Thread.sleep(forTimeInterval: interval)
    }
    if let (status, output) = try? command([
      "sacct", "-n", "-P", "-X", "-j", job, "-o", "JobID,State,Elapsed",
    ]),
      status == 0, !output.isEmpty
    {
      display.event("sacct:\n" + output.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    let final = manifest.refreshed(in: sweep)
    try final.write(to: sweep)
    return final
  }

  /// Runs a command found on PATH; returns its exit status and its stdout and stderr together.
  static func command(_ arguments: [String]) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
