import Formats
import Foundation
import InfoGeometry

/// A run's series in formats other tools open: TensorBoard event files and the stored histograms
/// as JSON (histograms.csv in the run directory already holds them as CSV).
public enum RunExport {
  /// Writes one TensorBoard event file into `directory`:
  /// - scalars `metrics/<train|test|validation>_<loss|accuracy>` at the evaluated steps;
  /// - scalars `geometry/<group>/<gamma|length>_<naive|debiased|kernel|gaussian>` at every monitored step;
  /// - scalars `transition/<group>/<d1|d2>` (d log L/d log t, d²log L/d(log t)², headline estimator)
  ///   at the grid's steps, rounded, and `transition/<group>/t_c` (at step 0) where there is a marker;
  /// - histograms `parameters/<group>` at the stored steps (bin masses × value count).
  /// Returns the event file.
  @discardableResult
  public static func tensorBoard(_ run: RunDirectory, analysis: RunAnalysis?, into directory: URL) throws
    -> URL
  {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let writer = try TensorBoardEventWriter(directory: directory)
    for m in try MetricsLog.readIfPresent(run.metrics) {
      let values: [(String, Double?)] = [
        ("train_loss", m.trainLoss), ("train_accuracy", m.trainAccuracy), ("test_loss", m.testLoss),
        ("test_accuracy", m.testAccuracy), ("validation_loss", m.validationLoss),
        ("validation_accuracy", m.validationAccuracy),
      ]
      for case (let name, let value?) in values {
        try writer.addScalar(tag: "metrics/" + name, value: Float(value), step: m.step)
      }
    }
    let geometry = try GeometrySeries.read(run.geometry)
    for group in geometry.groups {
      for estimator in GeometrySeries.Estimator.allCases {
        for (kind, series) in [("gamma", group.velocities[estimator]), ("length", group.lengths[estimator])] {
          for (step, value) in zip(group.steps, series ?? []) where value.isFinite {
            try writer.addScalar(
              tag: "geometry/\(group.name)/\(kind)_\(estimator.rawValue)", value: Float(value), step: step)
          }
        }
      }
    }
    for curve in analysis?.curves ?? [] where curve.estimator == analysis?.settings.headlineEstimator {
      guard let a = curve.analysis else { continue }
      var lastStep = -1
      for (i, x) in a.derivative.x.enumerated() {
        let step = Int(exp(x).rounded())
        guard step > lastStep else { continue }
        lastStep = step
        try writer.addScalar(
          tag: "transition/\(curve.group)/d1", value: Float(a.derivative.firstDerivative[i]), step: step)
        try writer.addScalar(
          tag: "transition/\(curve.group)/d2", value: Float(a.derivative.secondDerivative[i]), step: step)
      }
      if let marker = a.marker {
        try writer.addScalar(tag: "transition/\(curve.group)/t_c", value: Float(marker.step), step: 0)
      }
    }
    if FileManager.default.fileExists(atPath: run.histograms.path) {
      for h in try HistogramArchiveFile.read(run.histograms) {
        guard let g = geometry.group(h.group), let row = g.steps.firstIndex(of: h.step),
          let count = g.counts.first
        else { continue }
        let n = Double(count)
        let edges = (0...h.masses.count).map { h.lowerEdge + Double($0) * h.binWidth }
        let mean = g.means[row]
        let sd = g.standardDeviations[row]
        try writer.addHistogram(
          tag: "parameters/\(h.group)", edges: edges, counts: h.masses.map { $0 * n }, min: g.minima[row],
          max: g.maxima[row], sum: mean * n, sumSquares: (sd * sd + mean * mean) * n, step: h.step)
      }
    }
    try writer.flush()
    return writer.url
  }

  /// The stored histograms as JSON: `[{"group", "step", "lowerEdge", "binWidth", "masses", "underflow",
  /// "overflow"}]`, bin k covering [lowerEdge + k·binWidth, lowerEdge + (k+1)·binWidth).
  public static func histogramsJSON(_ run: RunDirectory, to url: URL) throws {
    try AtomicFile.write(try JSON.encode(try HistogramArchiveFile.read(run.histograms)), to: url)
  }
}
