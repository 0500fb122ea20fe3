import CommandKit
import Foundation
import Workflows

/// Options about where results go and how much is printed, shared by the commands.
struct OutputOptions {
  static let specs: [OptionSpec] = [
    .value("runs-dir", "DIR", "Parent directory of new run directories.", default: "runs"),
    .value("name", "NAME", "Run directory name prefix (default: dataset-model-seed)."),
    .flag("quiet", "No progress output."),
    .flag("json", "Print a machine-readable JSON summary on stdout."),
  ]

  var runsDirectory: URL
  var name: String?
  var quiet: Bool
  var json: Bool

  init(_ a: ParsedArguments) throws {
    runsDirectory = URL(fileURLWithPath: a.string("runs-dir") ?? "runs", isDirectory: true)
    name = a.string("name")
    quiet = a.flag("quiet")
    json = a.flag("json")
  }

  var progress: ProgressReporter { ProgressReporter.standard(quiet: quiet) }

  func newRunDirectory(for c: RunConfiguration) throws -> RunDirectory {
    let model = c.model.description.replacingOccurrences(of: ":", with: "-").replacingOccurrences(
      of: ",", with: "x"
    )
    .replacingOccurrences(of: "/", with: "-")
    return try RunDirectory.create(
      under: runsDirectory, name: name ?? "\(c.dataset.rawValue)-\(model)-seed\(c.training.seed)")
  }

  func printJSON<T: Encodable>(_ value: T) throws {
    FileHandle.standardOutput.write(try JSON.encode(value))
  }
}
