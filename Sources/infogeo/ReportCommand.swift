import CommandKit
import Foundation
import Workflows

/// `infogeo report RUN`: the HTML report and SVG figures.
enum ReportCommand: Command {
  static let spec = CommandSpec(
    name: "report", abstract: "Write the self-contained HTML report and the SVG figures of a run.",
    positionals: [PositionalSpec("RUN", "a run directory")],
    options: AnalysisOptions.specs + [.flag("quiet", "Print nothing but errors.")],
    discussion: "Analyses the run first when analysis.json is missing or options are given.")

  static func validate(_ arguments: ParsedArguments) throws(UsageError) {
    _ = try AnalysisOptions.settings(arguments)
  }

  static func run(_ arguments: ParsedArguments) throws {
    let run = try RunDirectory.open(arguments.positional(0)!)
    let settings = try AnalysisOptions.settings(arguments)
    let given = AnalysisOptions.specs.contains { arguments.string($0.name) != nil }
    let analysis =
      given || !FileManager.default.fileExists(atPath: run.analysis.path)
      ? try RunPipeline.analyze(run, settings: settings)
      : try JSON.decode(RunAnalysis.self, from: run.analysis)
    try RunReport.write(run, analysis: analysis)
    if !arguments.flag("quiet") { print(run.report.path) }
  }
}
