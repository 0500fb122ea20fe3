import CommandKit
import Foundation
import Workflows

/// `infogeo analyze RUN`: derivatives, marker, reference points and Δs from the stored series.
enum AnalyzeCommand: Command {
  static let spec = CommandSpec(
    name: "analyze", abstract: "Recompute derivatives, the transition marker and its offsets from a run's files.",
    positionals: [PositionalSpec("RUN", "a run directory written by 'infogeo train'")],
    options: AnalysisOptions.specs + [
      .flag("quiet", "Print nothing but errors."), .flag("json", "Print the whole analysis as JSON on stdout."),
    ],
    discussion: "Writes analysis.json into RUN; no retraining. The marker is computed from geometry.csv alone.")

  static func validate(_ arguments: ParsedArguments) throws(UsageError) {
    _ = try AnalysisOptions.settings(arguments)
  }

  static func run(_ arguments: ParsedArguments) throws {
    let run = try RunDirectory.open(arguments.positional(0)!)
    let analysis = try RunPipeline.analyze(run, settings: try AnalysisOptions.settings(arguments))
    if arguments.flag("json") {
      FileHandle.standardOutput.write(try JSON.encode(analysis))
    } else if !arguments.flag("quiet") {
      print(RunSummary.text(analysis: analysis, metrics: try MetricsLog.read(run.metrics)))
      print("analysis: \(run.analysis.path)")
    }
  }
}
