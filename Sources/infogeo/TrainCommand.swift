import CommandKit
import Foundation
import Workflows

/// `infogeo train`: one run with the geometry monitor; prints the run directory.
enum TrainCommand: Command {
  static let spec = CommandSpec(
    name: "train", abstract: "Train a network with the geometry monitor on; print the run directory.",
    options: RunOptions.specs + OutputOptions.specs,
    discussion: """
      Writes config.json, metrics.csv, geometry.csv, histograms.csv and diagnostics.json into a new \
      directory under --runs-dir. Analyse and report it with 'infogeo analyze RUN' and 'infogeo report RUN'.
      """)

  static func validate(_ arguments: ParsedArguments) throws(UsageError) {
    _ = try RunOptions.configuration(arguments)
  }

  static func run(_ arguments: ParsedArguments) throws {
    let merged = try RunOptions.mergingConfigFile(arguments)
    let configuration = try RunOptions.configuration(merged)
    let output = try OutputOptions(arguments)
    let directory = try output.newRunDirectory(for: configuration)
    let outcome = try TrainingRun.execute(configuration, in: directory, progress: output.progress)
    for warning in outcome.warnings { output.progress.message("warning: \(warning)") }
    if output.json {
      try output.printJSON(TrainOutput(outcome))
    } else {
      print(directory.url.path)
    }
  }
}

/// The `--json` summary of `train`.
struct TrainOutput: Encodable {
  var runDirectory: String
  var steps: Int
  var stopReason: String?
  var testAccuracy: Double?
  var samplesPerSecond: Double
  var warnings: [String]

  init(_ outcome: TrainingRun.Outcome) {
    runDirectory = outcome.directory.url.path
    steps = outcome.summary.steps
    stopReason = outcome.summary.stopReason
    testAccuracy = outcome.summary.lastMetrics?.testAccuracy
    samplesPerSecond = outcome.summary.samplesPerSecond
    warnings = outcome.warnings
  }
}
