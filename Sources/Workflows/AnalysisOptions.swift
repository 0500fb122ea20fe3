import CommandKit
import InfoGeometry

/// The options of `infogeo analyze` (also taken by `demo`), and their translation into
/// ``RunAnalysis/Settings``.
public enum AnalysisOptions {
  /// Command-line names of the differentiation methods.
  public static let methods: [String: DifferentiationMethod] = [
    "tikhonov": .tikhonov, "tv": .totalVariation, "savgol": .savitzkyGolay,
  ]

  public static let specs: [OptionSpec] = [
    .value(
      "method", "NAME", "Regularized differentiation: tikhonov (GCV), tv (total variation) or savgol.",
      default: "tikhonov"),
    .value("strength", "S", "Regularization strength (default: chosen automatically, and reported)."),
    .value(
      "smoothing-scale", "DECADES", "Finest scale of log t the automatic strength resolves.", default: "0.2"),
    .value("burn-in", "STEP", "First step of the log-t grid (default: one decade after the first step)."),
    .value("grid-size", "N", "Points of the uniform log-t grid.", default: "256"),
    .value("group", "NAME", "Parameter group of the headline marker.", default: "all"),
    .value(
      "curve", "NAME",
      "Estimator of the headline marker: naive, debiased, kernel or gaussian (default: the run's)."),
  ]

  public static func settings(_ a: ParsedArguments) throws(UsageError) -> RunAnalysis.Settings {
    var s = RunAnalysis.Settings()
    func usage(_ message: String) -> UsageError { UsageError(command: a.command, message: message) }
    if let name = a.string("method") {
      guard let m = methods[name] else {
        throw usage("option '--method': '\(name)' is not tikhonov, tv or savgol")
      }
      s.transition.method = m
      s.detector.method = m
    }
    if let strength = try a.double("strength") {
      guard strength > 0 else { throw usage("--strength must be positive") }
      s.transition.strength = strength
    }
    if let w = try a.double("smoothing-scale") {
      guard w >= 0 && w < 10 else { throw usage("--smoothing-scale must be in [0, 10) decades") }
      s.transition.smoothingScaleDecades = w
      s.detector.smoothingScaleDecades = w
    }
    if let b = try a.double("burn-in") {
      guard b >= 1 else { throw usage("--burn-in must be a step ≥ 1") }
      s.transition.burnInStep = b
      s.detector.burnInStep = b
    }
    if let n = try a.int("grid-size") {
      guard n >= 16 && n <= 100_000 else { throw usage("--grid-size must be in 16…100000") }
      s.transition.gridSize = n
    }
    if let g = a.string("group") { s.primaryGroup = g }
    if let c = a.string("curve") {
      guard let e = GeometrySeries.Estimator(rawValue: c) else {
        throw usage("option '--curve': '\(c)' is not naive, debiased, kernel or gaussian")
      }
      s.primaryEstimator = e
    }
    return s
  }
}
