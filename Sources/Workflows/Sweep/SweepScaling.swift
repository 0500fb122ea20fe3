import Datasets
import Formats
import Foundation
import InfoGeometry
import NeuralNet
import TensorCore

/// The finite-size-scaling analysis of a sweep's finished runs, written to `SWEEP/scaling.json`:
/// one ``ScalingObservation`` per done run (size N = the first hidden width, or the parameter
/// count; the primary marker's t_c, depth and width; the primary y″ curve, x = ln t), and the
/// ``ScalingAnalysis`` of them.
public struct SweepScaling: Codable, Sendable {
  public static let fileName = "scaling.json"

  /// One run that entered the analysis.
  public struct Entry: Codable, Sendable, Equatable {
    public var run: String
    public var observation: ScalingObservation
  }

  /// A run that was left out, and why (not done, no marker, …).
  public struct Skipped: Codable, Sendable, Equatable {
    public var run: String
    public var reason: String
  }

  public var infogeoVersion = RunConfiguration.version
  public var entries: [Entry]
  public var skipped: [Skipped]
  public var analysis: ScalingAnalysis

  /// The default half-width of the collapse window around each size's mean log t_c: 1.5 decades,
  /// in ln t units (the x of the curves).
  public static let defaultCollapseHalfWidth = 1.5 * log(10.0)

  /// Reads every done run of `sweep` (analysing runs without analysis.json) and runs the analysis.
  /// - Throws: ``SweepError`` when the directory is not a sweep; `ScalingError` when no run has a
  ///   marker or the observations are invalid.
  /// `settings` apply to the runs whose analysis.json is missing.
  public static func compute(
    sweep: URL, options: ScalingOptions, settings: RunAnalysis.Settings = RunAnalysis.Settings()
  ) throws -> SweepScaling {
    let manifest = try SweepManifest.read(from: sweep)
    var entries: [Entry] = []
    var skipped: [Skipped] = []
    for run in manifest.runs {
      let directory = RunDirectory(SweepManifest.directory(of: run, in: sweep))
      guard SweepRunState.read(directory.url).done != nil else {
        skipped.append(Skipped(run: run.name, reason: "not done"))
        continue
      }
      do {
        entries.append(Entry(run: run.name, observation: try observation(directory, settings: settings)))
      } catch {
        skipped.append(Skipped(run: run.name, reason: "\(error)"))
      }
    }
    let analysis = try ScalingAnalysis(entries.map(\.observation), options: options)
    return SweepScaling(entries: entries, skipped: skipped, analysis: analysis)
  }

  /// The observation of one run directory (config.json and analysis.json; the analysis is run
  /// first when analysis.json is missing).
  public static func observation(_ run: RunDirectory, settings: RunAnalysis.Settings = RunAnalysis.Settings())
    throws -> ScalingObservation
  {
    let configuration = try JSON.decode(RunConfiguration.self, from: run.config)
    let analysis = try RunPipeline.storedOrFreshAnalysis(run, settings: settings)
    guard let transition = analysis.primary?.analysis else {
      throw RunDirectoryError(
        path: run.analysis.path,
        problem: "no analysis of the primary curve (\(analysis.primary?.failure ?? "missing"))")
    }
    guard let marker = transition.marker else {
      throw RunDirectoryError(path: run.analysis.path, problem: "no transition marker")
    }
    let model = configuration.model
    let width = (model.kind == .mlp ? model.widths : model.denseWidths).first ?? model.widths.first ?? 0
    return ScalingObservation(
      hiddenWidth: Double(width), parameterCount: Double(try parameterCount(configuration)),
      seed: Int(configuration.training.seed), markerStep: marker.step, depth: marker.minimum.depth,
      widthDecades: marker.minimum.widthDecades,
      curve: .init(x: transition.derivative.x, y: transition.derivative.secondDerivative))
  }

  /// The trainable parameters of the run's network (built, with the dataset's image shape).
  public static func parameterCount(_ configuration: RunConfiguration) throws -> Int {
    let shape = configuration.dataset == .cifar10 ? Shape([3, 32, 32]) : Shape([1, 28, 28])
    var generator = RandomGenerator(seed: 0)
    let model = try configuration.model.build(
      inputShape: shape, classes: configuration.dataset.classCount, generator: &generator)
    return model.parameters.reduce(0) { $0 + $1.parameter.value.count }
  }

  /// Writes scaling.json into `sweep`.
  public func write(to sweep: URL) throws {
    try AtomicFile.write(try JSON.encode(self), to: sweep.appendingPathComponent(Self.fileName))
  }

  /// The exponent table as text: name, value, standard error, bootstrap error, 95% interval,
  /// quality (χ²/dof, χ² or S), form.
  public var tableText: String {
    func number(_ v: Double?) -> String { v.map { String(format: "%.4g", $0) } ?? "–" }
    var rows = [["exponent", "value", "σ", "σ(boot)", "95% interval", "quality", "form"]]
    for row in analysis.table {
      let e = row.estimate
      let interval = e.lower.map { l in "[\(number(l)), \(number(e.upper))]" } ?? "–"
      rows.append([
        row.name, number(e.value), number(e.standardError), number(e.bootstrapStandardError), interval,
        number(row.quality), row.form,
      ])
    }
    let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max() ?? 0 }
    var lines = rows.map { row in
      row.indices.map { c in
        c == row.count - 1 ? row[c] : row[c].padding(toLength: widths[c], withPad: " ", startingAt: 0)
      }
      .joined(separator: "  ")
    }
    lines.insert(String(repeating: "-", count: lines[0].count), at: 1)
    lines.append("")
    lines.append(
      "\(entries.count) run(s) at \(analysis.sizes.count) size(s) (N = \(analysis.options.sizeVariable.rawValue))"
        + (skipped.isEmpty ? "" : "; \(skipped.count) skipped"))
    for s in skipped { lines.append("skipped \(s.run): \(s.reason)") }
    for note in analysis.notes { lines.append("note: \(note)") }
    return lines.joined(separator: "\n")
  }
}
