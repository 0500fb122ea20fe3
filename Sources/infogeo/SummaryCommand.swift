import CommandKit
import Formats
import Foundation
import Workflows

/// `infogeo summary SWEEP`: markers against reference points over all runs of a sweep.
enum SummaryCommand: Command {
  static let spec = CommandSpec(
    name: "summary",
    abstract: "Tabulate every marker against every reference point over the runs of a sweep.",
    positionals: [PositionalSpec("SWEEP", "a sweep directory written by 'infogeo sweep'")],
    options: [
      .value("group", "NAME", "Parameter group whose markers are tabulated.", default: "all"),
      .value("bootstrap", "N", "Bootstrap resamples for the intervals of the mean Δ.", default: "2000"),
      .flag("json", "Print the summary as JSON instead of the tables."),
    ] + AnalysisOptions.specs,
    discussion: """
      For each marker (the naive, debiased, kernel and Gaussian L and the Euclidean path S of the group): Δ = \
      log10(t_c/t_ref) against each reference point, with mean, median and a bootstrap 95% interval over the \
      runs; the share of runs whose marker is significant; and the stopping rules. Writes SWEEP/summary.csv \
      and SWEEP/summary.html.
      """)

  static func validate(_ arguments: ParsedArguments) throws(UsageError) {
    _ = try AnalysisOptions.settings(arguments)
    if let n = try arguments.int("bootstrap"), n < 0 {
      throw UsageError(command: spec.name, message: "--bootstrap must be at least 0")
    }
  }

  static func run(_ arguments: ParsedArguments) throws {
    let sweep = URL(fileURLWithPath: arguments.positional(0)!, isDirectory: true)
    let analyses = try SweepSummary.analyses(sweep: sweep, settings: try AnalysisOptions.settings(arguments))
    let summary = SweepSummary(
      analyses: analyses, group: arguments.string("group") ?? "all",
      replicates: try arguments.int("bootstrap") ?? 2000)
    try AtomicFile.write(Data(summary.csv.utf8), to: sweep.appendingPathComponent("summary.csv"))
    try AtomicFile.write(
      Data(summary.html(title: "Sweep summary: \(sweep.lastPathComponent)").utf8),
      to: sweep.appendingPathComponent("summary.html"))
    if arguments.flag("json") {
      FileHandle.standardOutput.write(try JSON.encode(summary))
    } else {
      print(summary.text)
      print("\nsummary: \(sweep.appendingPathComponent("summary.csv").path), summary.html")
    }
  }
}
