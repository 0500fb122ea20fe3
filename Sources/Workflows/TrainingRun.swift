import Datasets
import Formats
import Foundation
import InfoGeometry
import NeuralNet
import TensorCore

/// One training run with the geometry monitor, from configuration to a complete run directory.
public enum TrainingRun {
  /// What a finished (or stopped) run left behind.
  public struct Outcome: Sendable {
    public var directory: RunDirectory
    public var summary: Trainer.Summary
    public var warnings: [String]
  }

  /// Writes config.json, trains while appending metrics.csv and geometry.csv, then writes the stored
  /// histograms and diagnostics. If training fails (divergence, a full disk), everything flushed so
  /// far stays in the directory and the error is rethrown, naming the directory.
  public static func execute(
    _ configuration: RunConfiguration, in directory: RunDirectory, progress: ProgressReporter
  ) throws -> Outcome {
    BLAS.threadCount = configuration.threads
    Parallel.workerCount = configuration.threads
    let data = try ExperimentData.load(configuration)
    var generator = RandomGenerator(seed: configuration.training.seed, stream: 1)
    let sample = Shape(Array(data.train.images.shape.dimensions.dropFirst()))
    let model: Sequential
    do {
      model = try configuration.model.build(
        inputShape: sample, classes: data.train.classCount, generator: &generator)
    } catch {
      throw TrainingError.shapeMismatch("\(configuration.dataset.rawValue) samples are \(sample); \(error)")
    }
    try AtomicFile.write(try JSON.encode(configuration), to: directory.config)

    let parameters = model.parameters
    let optimizer = configuration.optimizer.makeOptimizer(parameters: parameters.map(\.parameter))
    let total = configuration.training.totalSteps(samples: data.train.count)
    let trainer = try Trainer(
      model: model, optimizer: optimizer, schedule: configuration.optimizer.makeSchedule(totalSteps: total),
      configuration: configuration.training, train: data.train, test: data.test, validation: data.validation)
    let metrics = try MetricsLog(creating: directory.metrics)
    let detector = configuration.stopAtTransition ? try OnlineTransitionDetector() : nil
    let geometry = try GeometryLog(
      parameters: parameters, configuration: configuration.geometry, csv: directory.geometry,
      detector: detector)
    try geometry.observeInitial()
    trainer.stepObservers = [geometry]
    if let stride = configuration.saveParametersStride {
      let snapshots = try ParameterSnapshotLog(
        directory: directory.parameters, stride: stride, parameters: parameters)
      try snapshots.write(step: 0)
      trainer.stepObservers.append(snapshots)
    }
    trainer.evaluationObservers = [metrics]
    if let settings = configuration.earlyStopping {
      trainer.evaluationObservers.append(
        ValidationEarlyStopping(settings: settings, parameters: parameters.map(\.parameter)))
    }
    progress.message(
      "\(configuration.model) on \(data.train.count) \(configuration.dataset.rawValue) images, "
        + "\(parameters.reduce(0) { $0 + $1.parameter.value.count }) parameters, \(total) steps → \(directory.url.path)"
    )
    let summary: Trainer.Summary
    do {
      summary = try trainer.run(progress: progress)
    } catch {
      try? geometry.finish()
      throw RunFailure(directory: directory, underlying: error)
    }
    try geometry.finish()
    try HistogramArchiveFile.write(geometry.monitor, to: directory.histograms)
    let diagnostics = GeometryDiagnosticsFile(monitor: geometry.monitor)
    try AtomicFile.write(try JSON.encode(diagnostics), to: directory.diagnostics)
    return Outcome(directory: directory, summary: summary, warnings: diagnostics.warnings)
  }
}

/// A run that failed part-way; its directory keeps what was flushed.
public struct RunFailure: Error, CustomStringConvertible {
  public var directory: RunDirectory
  public var underlying: Error
  public var description: String {
    "\(underlying)\n(the partial run in \(directory.url.path) can still be analysed: infogeo analyze \(directory.url.path))"
  }
}

/// Pretty-printed, key-sorted JSON, the form of every JSON file `infogeo` writes.
public enum JSON {
  public static func encode<T: Encodable>(_ value: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try encoder.encode(value) + Data("\n".utf8)
  }

  public static func decode<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    do {
      return try decoder.decode(type, from: Data(contentsOf: url))
    } catch let error as DecodingError {
      throw RunDirectoryError(path: url.path, problem: "malformed JSON (\(Self.describe(error)))")
    }
  }

  static func describe(_ error: DecodingError) -> String {
    switch error {
    case .keyNotFound(let key, let c): "missing '\(key.stringValue)' at \(path(c))"
    case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
      "\(c.debugDescription) at \(path(c))"
    @unknown default: "\(error)"
    }
  }

  static func path(_ context: DecodingError.Context) -> String {
    context.codingPath.isEmpty ? "top level" : context.codingPath.map(\.stringValue).joined(separator: ".")
  }
}
