import CommandKit
import Foundation
import Workflows

/// `infogeo demo`: the default experiment, end to end.
enum DemoCommand: Command {
  static let spec = CommandSpec(
    name: "demo", abstract: "Train the default experiment on Fashion-MNIST, analyse it and write the report.",
    options: RunOptions.specs + AnalysisOptions.specs + OutputOptions.specs,
    discussion: """
      The default experiment: an MLP 784-256-256-10 trained with Adam (lr 1e-3, batch 64) on a stratified \
      2,000-image Fashion-MNIST subset for 100 epochs, past its test-loss minimum and until it has memorised \
      the subset, with the geometry monitor at every step on all parameters and on each tensor. Any option \
      of 'infogeo train' and 'infogeo analyze' changes it.
      """)

  static func validate(_ arguments: ParsedArguments) throws(UsageError) {
    _ = try RunOptions.configuration(arguments)
    _ = try AnalysisOptions.settings(arguments)
  }

  static func run(_ arguments: ParsedArguments) throws {
    let merged = try RunOptions.mergingConfigFile(arguments)
    let configuration = try RunOptions.configuration(merged)
    let output = try OutputOptions(arguments)
    let progress = output.progress
    let directory = try output.newRunDirectory(for: configuration)
    let outcome = try TrainingRun.execute(configuration, in: directory, progress: progress)
    progress.message("analysing …")
    let analysis = try RunPipeline.analyze(directory, settings: try AnalysisOptions.settings(arguments))
    try RunReport.write(directory, analysis: analysis)
    if output.json {
      FileHandle.standardOutput.write(try JSON.encode(analysis))
      return
    }
    print("")
    print(RunSummary.text(analysis: analysis))
    for warning in outcome.warnings { print("warning: \(warning)") }
    print("")
    print("run directory: \(directory.url.path)")
    print("report:        \(directory.report.path)")
  }
}
