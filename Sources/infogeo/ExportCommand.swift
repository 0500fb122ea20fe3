import CommandKit
import Foundation
import Workflows

/// `infogeo export RUN`: TensorBoard event files and histograms as JSON.
enum ExportCommand: Command {
  static let spec = CommandSpec(
    name: "export", abstract: "Export a run's series for TensorBoard, and its stored histograms as JSON.",
    positionals: [PositionalSpec("RUN", "a run directory")],
    options: [
      .value(
        "tensorboard", "DIR", "Write a TensorBoard event file into DIR (open with: tensorboard --logdir DIR)."
      ),
      .value("histograms-json", "FILE", "Write the stored parameter histograms as JSON."),
    ],
    discussion: "The histograms are also in RUN/histograms.csv (group, step, bin_left, bin_right, mass).")

  static func validate(_ arguments: ParsedArguments) throws(UsageError) {
    if arguments.string("tensorboard") == nil && arguments.string("histograms-json") == nil {
      throw UsageError(
        command: spec.name, message: "nothing to export: give --tensorboard DIR and/or --histograms-json FILE"
      )
    }
  }

  static func run(_ arguments: ParsedArguments) throws {
    let run = try RunDirectory.open(arguments.positional(0)!)
    if let dir = arguments.string("tensorboard") {
      let analysis =
        FileManager.default.fileExists(atPath: run.analysis.path)
        ? try JSON.decode(RunAnalysis.self, from: run.analysis) : nil
      print(
        try RunExport.tensorBoard(run, analysis: analysis, into: URL(fileURLWithPath: dir, isDirectory: true))
          .path)
    }
    if let file = arguments.string("histograms-json") {
      let url = URL(fileURLWithPath: file)
      try RunExport.histogramsJSON(run, to: url)
      print(url.path)
    }
  }
}
