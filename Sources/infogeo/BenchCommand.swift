import CommandKit
import Foundation
import InfoGeometry
import TensorCore
import Workflows

/// `infogeo bench`: throughput figures for training, the geometry monitor and the analysis.
enum BenchCommand: Command {
  static let spec = CommandSpec(
    name: "bench", abstract: "Print training, geometry-monitor and analysis throughput on this machine.",
    options: [
      .value("threads", "N", "Threads for BLAS and element-wise loops.", default: "all cores"),
      .value("windows", "N", "Timed windows per figure (the median is reported).", default: "7"),
      .flag("json", "Print the figures as JSON."),
    ],
    discussion: """
      Training: steady-state samples/s (median over timed windows after a warm-up) of an MLP 784-512-512-10 \
      at batch 128 and a CNN (conv 3×3×32, pool, conv 3×3×64, pool, 128, 10) at batch 64, on random data \
      with SGD; the MLP's overhead with the geometry monitor at stride 1 (the run defaults: all + each \
      tensor, debiased, diagnostics and the Euclidean comparator on; the library's defaults: all parameters, \
      diagnostics and Euclidean on; a lean monitor of all parameters without either) and at stride 8, from \
      alternating windows with and without it on one model, and the time the training loop waits for it \
      (observations run in the background during the next step's forward and backward passes). \
      Geometry: values/s of one monitor observation of one group of 10⁶ and 10⁷ values, library defaults \
      and lean, concurrent and on one thread. \
      Compare with PyTorch by running Scripts/torch_bench.py (optional, needs torch).
      """)

  struct Figures: Encodable {
    var threads: Int
    var training: [Training]
    var monitorOverheadPercent: [String: Double]
    /// Time the training loop waits for the monitor, as a percentage of a step without it.
    var monitorWaitPercent: [String: Double]
    var geometryValuesPerSecond: [String: Double]
    var analysisSeconds: [String: Double]
  }

  struct Training: Encodable {
    var model: String
    var batch: Int
    var parameters: Int
    var samplesPerSecond: Double
    var millisecondsPerStep: Double
  }

  static func run(_ arguments: ParsedArguments) throws {
    let threads = try arguments.int("threads") ?? ProcessInfo.processInfo.activeProcessorCount
    let windows = max(3, try arguments.int("windows") ?? 7)
    BLAS.threadCount = threads
    Parallel.workerCount = threads
    let json = arguments.flag("json")
    func say(_ text: String) { if !json { print(text) } }

    say("infogeo bench — \(threads) thread(s)\n")
    say("Training throughput (median of \(windows) windows of 20 steps, after 20 warm-up steps):")
    var training: [Training] = []
    func measured(_ r: TrainingBenchmark.Result) -> Training {
      let t = Training(
        model: r.name, batch: r.batchSize, parameters: r.parameterCount, samplesPerSecond: r.samplesPerSecond,
        millisecondsPerStep: r.millisecondsPerStep)
      say(
        "  " + r.name.padding(toLength: max(40, r.name.count + 1), withPad: " ", startingAt: 0)
          + String(
            format: "batch %4d  %9.0f samples/s  %7.2f ms/step", r.batchSize, r.samplesPerSecond,
            r.millisecondsPerStep))
      return t
    }
    for (name, spec, batch) in TrainingBenchmark.referenceModels {
      training.append(
        measured(try TrainingBenchmark.measure(name: name, spec: spec, batchSize: batch, windows: windows)))
    }
    let (mlpName, mlpSpec, mlpBatch) = TrainingBenchmark.referenceModels[0]
    var lean = GeometryConfiguration()
    lean.diagnostics = false
    lean.euclidean = false
    var strided = RunConfiguration().geometry
    strided.stride = 8
    var overheads: [String: Double] = [:]
    var waitingShares: [String: Double] = [:]
    for (label, monitor) in [
      (
        "monitor at stride 1 (run defaults: all + each tensor, diagnostics, Euclidean)",
        RunConfiguration().geometry
      ),
      ("monitor at stride 1 (library defaults: all, diagnostics, Euclidean)", GeometryConfiguration()),
      ("monitor at stride 1 (lean: all only, no diagnostics, no Euclidean)", lean),
      ("monitor (run defaults at stride 8)", strided),
    ] {
      let (plain, monitored, overhead, waiting) = try TrainingBenchmark.monitorOverhead(
        name: mlpName, spec: mlpSpec, batchSize: mlpBatch, monitor: monitor, windows: windows)
      var shown = monitored
      shown.name = mlpName + " + " + label
      training.append(measured(shown))
      overheads[label] = 100 * overhead
      say(
        String(
          format:
            "    overhead: %+.1f%% time per step (median of %d alternating pairs; without: %.2f ms)",
          overheads[label]!, windows, plain.millisecondsPerStep))
      say(
        String(
          format:
            "    the training loop waits for the monitor: %.2f ms per step (%.1f%% of a step without it)",
          waiting * 1e3, 100 * waiting * 1e3 / plain.millisecondsPerStep))
      waitingShares[label] = 100 * waiting * 1e3 / plain.millisecondsPerStep
    }
    say("")

    say("Geometry monitor (one observation of one group: histogram + all distances, best of 5):")
    var geometry: [String: Double] = [:]
    for count in [1_000_000, 10_000_000] {
      let full = try GeometryBenchmark.histogramThroughput(count: count)
      let plain = try GeometryBenchmark.histogramThroughput(count: count, configuration: lean)
      let serial = try GeometryBenchmark.histogramThroughput(
        count: count, configuration: lean, concurrent: false)
      geometry["\(count) values"] = full
      geometry["\(count) values, lean"] = plain
      geometry["\(count) values, lean, one thread"] = serial
      say(
        String(
          format: "  %8d values   %.2e values/s library defaults   %.2e lean   %.2e lean on one thread", count,
          full, plain, serial))
    }

    say("\nTransition analysis (grid of 256 points, with stability recomputations):")
    var analysis: [String: Double] = [:]
    for timing in try TransitionBenchmark.run() {
      analysis[timing.name] = timing.seconds
      say(String(format: "  %-40@ %8.1f ms", timing.name as NSString, timing.seconds * 1e3))
    }
    if json {
      FileHandle.standardOutput.write(
        try JSON.encode(
          Figures(
            threads: threads, training: training, monitorOverheadPercent: overheads,
            monitorWaitPercent: waitingShares,
            geometryValuesPerSecond: geometry,
            analysisSeconds: analysis)))
    }
  }
}
