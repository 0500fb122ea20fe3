import CommandKit
import Foundation
import InfoGeometry
import Workflows

/// `infogeo scaling SWEEP`: the finite-size-scaling analysis of a sweep's finished runs.
enum ScalingCommand: Command {
  static let spec = CommandSpec(
    name: "scaling",
    abstract: "Finite-size scaling of a sweep: exponents of the marker and the data collapse.",
    positionals: [PositionalSpec("SWEEP", "a sweep directory written by 'infogeo sweep'")],
    options: [
      .value(
        "size", "NAME", "The size N: width (first hidden width) or parameters (total count).",
        default: "width"),
      .value(
        "half-width", "DECADES", "Collapse window around each size's mean t_c, in decades of t.",
        default: "1.5"),
      .value("bootstrap", "N", "Bootstrap replicates over seeds.", default: "200"),
      .flag("json", "Print scaling.json on stdout instead of the table."),
    ] + AnalysisOptions.specs,
    discussion: """
      Reads config.json and analysis.json of every done run (analysing runs that lack it, with the \
      analysis options given), fits h ∝ N^a, \
      w ∝ N^(−b) and log t_c(N) = log t_c(∞) + c·N^(−1/ν), collapses the y″ curves, and writes \
      SWEEP/scaling.json and SWEEP/scaling.html. Runs without a marker are left out and listed.
      """)

  static func options(_ a: ParsedArguments) throws(UsageError) -> ScalingOptions {
    var options = ScalingOptions(collapseHalfWidth: SweepScaling.defaultCollapseHalfWidth)
    switch a.string("size") ?? "width" {
    case "width": options.sizeVariable = .hiddenWidth
    case "parameters": options.sizeVariable = .parameterCount
    case let other:
      throw UsageError(command: spec.name, message: "option '--size': '\(other)' is not width or parameters")
    }
    if let decades = try a.double("half-width") {
      guard decades > 0 else {
        throw UsageError(command: spec.name, message: "--half-width must be positive")
      }
      options.collapseHalfWidth = decades * log(10.0)
    }
    if let n = try a.int("bootstrap") {
      guard n >= 0 else { throw UsageError(command: spec.name, message: "--bootstrap must be at least 0") }
      options.bootstrapReplicates = n
      options.collapseBootstrapReplicates = min(options.collapseBootstrapReplicates, n)
    }
    return options
  }

  static func validate(_ arguments: ParsedArguments) throws(UsageError) {
    _ = try options(arguments)
    _ = try AnalysisOptions.settings(arguments)
  }

  static func run(_ arguments: ParsedArguments) throws {
    let sweep = URL(fileURLWithPath: arguments.positional(0)!, isDirectory: true)
    let scaling = try SweepScaling.compute(
      sweep: sweep, options: try options(arguments), settings: try AnalysisOptions.settings(arguments))
    try scaling.write(to: sweep)
    try SweepScalingReport.write(scaling, to: sweep)
    if arguments.flag("json") {
      FileHandle.standardOutput.write(try JSON.encode(scaling))
    } else {
      print(scaling.tableText)
      print("report: \(sweep.appendingPathComponent(SweepScalingReport.fileName).path)")
    }
  }
}
