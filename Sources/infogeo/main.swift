import CommandKit
import Foundation

let tool = CommandLineTool(
  name: "infogeo",
  abstract: """
    Information geometry of neural-network training: trains networks on the CPU, follows the \
    distribution of their parameters on the statistical manifold (information velocity and length), \
    and finds the phase-transition-like marker of overfitting without test data.
    """,
  commands: [
    DemoCommand.self, TrainCommand.self, AnalyzeCommand.self, ReportCommand.self, DatasetsCommand.self,
    DatasetsDownloadCommand.self, ExportCommand.self, BenchCommand.self, SweepCommand.self,
    SweepTaskCommand.self, SweepStatusCommand.self, ScalingCommand.self, SummaryCommand.self,
  ])

let status = tool.main(
  Array(CommandLine.arguments.dropFirst()),
  output: { FileHandle.standardOutput.write(Data($0.utf8)) },
  errorOutput: { FileHandle.standardError.write(Data($0.utf8)) })
exit(status)
