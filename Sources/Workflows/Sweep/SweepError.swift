/// A sweep that cannot be planned, run or read.
public enum SweepError: Error, CustomStringConvertible, Sendable {
  /// A plan (file or options) that cannot be expanded.
  case plan(String)
  /// A sweep directory or manifest that is missing or inconsistent.
  case directory(path: String, problem: String)
  /// An index outside the manifest's runs.
  case noSuchRun(index: Int, count: Int)
  /// A Slurm command that failed.
  case slurm(command: String, output: String)
  /// Runs that failed after their retry.
  case runsFailed([String])

  public var description: String {
    switch self {
    case .plan(let problem): "sweep plan: \(problem)"
    case .directory(let path, let problem): "\(path): \(problem)"
    case .noSuchRun(let index, let count): "no run \(index) in the sweep (runs 0…\(count - 1))"
    case .slurm(let command, let output): "'\(command)' failed: \(output)"
    case .runsFailed(let names):
      "\(names.count) run(s) failed after a retry: \(names.joined(separator: ", "))"
    }
  }
}
