import CommandKit
import Foundation
import Workflows

/// `infogeo analyze RUN` or `infogeo analyze --checkpoints DIR`.
enum AnalyzeCommand: Command {
  static let spec = CommandSpec(
    name: "analyze",
    abstract: "Recompute derivatives, the transition marker and its offsets from a run's files.",
    positionals: [PositionalSpec("RUN", "a run directory written by 'infogeo train'", optional: true)],
    options: AnalysisOptions.specs + [
      .value(
        "checkpoints", "PATH",
        "Analyse checkpoint files instead: a directory of .safetensors/.npz/.npy, or a manifest."),
      .value("runs-dir", "DIR", "With --checkpoints: parent of the new run directory.", default: "runs"),
    ] + RunOptions.geometrySpecs + [
      .flag("quiet", "Print nothing but errors."),
      .flag("json", "Print the whole analysis as JSON on stdout."),
    ],
    discussion: """
      Writes analysis.json into RUN; no retraining. The marker is computed from geometry.csv alone. With \
      --checkpoints, the geometry monitor first runs over the checkpoint files (step numbers from the file \
      names, e.g. step-120.safetensors, or from a manifest.json of step → file), one file in memory at a time, \
      into a new run directory; the geometry options then apply.
      """)

  static func validate(_ arguments: ParsedArguments) throws(UsageError) {
    _ = try AnalysisOptions.settings(arguments)
    let fromCheckpoints = arguments.string("checkpoints") != nil
    if fromCheckpoints == (arguments.positional(0) != nil) {
      throw UsageError(command: spec.name, message: "give either a run directory RUN or --checkpoints PATH")
    }
    if !fromCheckpoints, try RunOptions.geometryConfiguration(arguments) != nil {
      throw UsageError(
        command: spec.name,
        message: "geometry options apply to --checkpoints only (a run's geometry is measured while it trains)"
      )
    }
  }

  static func run(_ arguments: ParsedArguments) throws {
    let run: RunDirectory
    if let path = arguments.string("checkpoints") {
      let series = try CheckpointSeries.discover(path)
      let name = "checkpoints-" + URL(fileURLWithPath: path).lastPathComponent
      run = try RunDirectory.create(
        under: URL(fileURLWithPath: arguments.string("runs-dir") ?? "runs", isDirectory: true), name: name)
      let geometry = try RunOptions.geometryConfiguration(arguments) ?? RunConfiguration().geometry
      try RunPipeline.analyseCheckpoints(
        series, source: path, geometry: geometry, into: run,
        progress: ProgressReporter.standard(quiet: arguments.flag("quiet") || arguments.flag("json")))
    } else {
      run = try RunDirectory.open(arguments.positional(0)!)
    }
    let analysis = try RunPipeline.analyze(run, settings: try AnalysisOptions.settings(arguments))
    if arguments.flag("json") {
      FileHandle.standardOutput.write(try JSON.encode(analysis))
    } else if !arguments.flag("quiet") {
      print(RunSummary.text(analysis: analysis))
      print("analysis: \(run.analysis.path)")
    }
  }
}
