import Formats
import Foundation
import InfoGeometry

/// The steps after training, each reading only the run directory: analysis, then report.
public enum RunPipeline {
  /// Runs the geometry monitor over a checkpoint series into a new run directory (config.json with
  /// the monitor's settings and the source, geometry.csv, histograms.csv, diagnostics.json).
  public static func analyseCheckpoints(
    _ series: CheckpointSeries, source: String, geometry: GeometryConfiguration, into run: RunDirectory,
    progress: ProgressReporter
  ) throws {
    var configuration = RunConfiguration()
    configuration.checkpointSource = source
    configuration.geometry = geometry
    configuration.trainingSamples = nil
    try AtomicFile.write(try JSON.encode(configuration), to: run.config)
    let monitor = try series.analyse(configuration: geometry, csv: run.geometry, progress: progress)
    try HistogramArchiveFile.write(monitor, to: run.histograms)
    try AtomicFile.write(try JSON.encode(GeometryDiagnosticsFile(monitor: monitor)), to: run.diagnostics)
  }

  /// The run's analysis.json, or a fresh analysis with `settings` when it has none.
  public static func storedOrFreshAnalysis(_ run: RunDirectory, settings: RunAnalysis.Settings) throws
    -> RunAnalysis
  {
    FileManager.default.fileExists(atPath: run.analysis.path)
      ? try JSON.decode(RunAnalysis.self, from: run.analysis) : try analyze(run, settings: settings)
  }

  /// Recomputes the analysis from metrics.csv and geometry.csv and writes analysis.json.
  @discardableResult
  public static func analyze(_ run: RunDirectory, settings: RunAnalysis.Settings) throws -> RunAnalysis {
    let configuration = try JSON.decode(RunConfiguration.self, from: run.config)
    let geometry = try GeometrySeries.read(run.geometry)
    let metrics = try MetricsLog.readIfPresent(run.metrics)
    guard geometry.group(settings.primaryGroup) != nil else {
      throw RunDirectoryError(
        path: run.geometry.path,
        problem:
          "no group '\(settings.primaryGroup)' (groups: \(geometry.groups.map(\.name).joined(separator: ", ")))"
      )
    }
    var settings = settings
    if settings.primaryEstimator == nil {
      settings.primaryEstimator = GeometrySeries.Estimator(configuration.geometry.estimator)
    }
    let analysis = RunAnalysis.compute(
      geometry: geometry, metrics: metrics, settings: settings, earlyStopping: configuration.earlyStopping)
    try AtomicFile.write(JSON.encode(analysis), to: run.analysis)
    return analysis
  }
}
