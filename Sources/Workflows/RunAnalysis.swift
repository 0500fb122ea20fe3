import Foundation
import InfoGeometry

/// What `infogeo analyze` computes from a run's stored series, written to analysis.json: for each
/// parameter group and estimator, the regularized derivatives of log L over log t and the transition
/// marker; the overfitting reference points from metrics.csv and the marker's offsets Δ from them;
/// and the comparison of early-stopping rules.
///
/// The marker sees only ``InformationLengthCurve`` (steps and L); metrics enter afterwards, for the
/// comparison.
public struct RunAnalysis: Codable, Sendable {
  public struct Settings: Codable, Equatable, Sendable {
    public var transition = TransitionAnalysisOptions()
    public var references = OverfittingReferences.Options()
    public var detector = OnlineTransitionDetector.Options()
    /// The group and estimator whose marker is the run's headline result; a nil estimator means
    /// the one the run was configured to report.
    public var primaryGroup = "all"
    public var primaryEstimator: GeometrySeries.Estimator?
    public init() {}

    /// The estimator of the headline marker (debiased unless set).
    public var headlineEstimator: GeometrySeries.Estimator { primaryEstimator ?? .debiased }
  }

  /// The analysis of one group's L from one estimator.
  public struct Curve: Codable, Sendable {
    public var group: String
    public var estimator: GeometrySeries.Estimator
    public var analysis: TransitionAnalysis?
    /// Why there is no analysis (too few points, L identically zero, …).
    public var failure: String?
    public var comparison: OverfittingComparison?
  }

  /// Steps and test accuracy at which each stopping rule would have stopped.
  public struct StoppingPoint: Codable, Sendable, Equatable {
    public var rule: String
    public var step: Int
    /// The evaluation used for the accuracy: the last one at or before `step`.
    public var evaluatedStep: Int
    public var testAccuracy: Double
    public var testLoss: Double
  }

  public var infogeoVersion = RunConfiguration.version
  public var settings: Settings
  public var curves: [Curve]
  public var references: OverfittingReferences?
  public var referencesFailure: String?
  public var stopping: [StoppingPoint]
  /// The online detector's confirmation when replayed over the stored L of the primary curve.
  public var dataFreeStop: OnlineTransitionDetector.Confirmation?

  /// The headline curve (primary group and estimator), if analysed.
  public var primary: Curve? {
    curves.first { $0.group == settings.primaryGroup && $0.estimator == settings.headlineEstimator }
  }

  /// Analyses stored series.
  public static func compute(
    geometry: GeometrySeries, metrics: [EvaluationMetrics], settings: Settings = Settings(),
    earlyStopping: ValidationEarlyStopping.Settings? = nil
  ) -> RunAnalysis {
    var references: OverfittingReferences?
    var referencesFailure: String?
    do {
      let m = metrics.filter { $0.step >= 1 }
      let series = try TrainingMetricsSeries(
        steps: m.map { Double($0.step) }, trainLoss: m.map(\.trainLoss),
        trainAccuracy: m.map(\.trainAccuracy),
        testLoss: m.map(\.testLoss), testAccuracy: m.map(\.testAccuracy))
      references = try OverfittingReferences(series, options: settings.references)
    } catch {
      referencesFailure = "\(error)"
    }
    var curves: [Curve] = []
    for group in geometry.groups {
      for estimator in GeometrySeries.Estimator.allCases {
        guard let lengths = group.lengths[estimator] else { continue }
        var curve = Curve(group: group.name, estimator: estimator)
        do {
          let (steps, length) = positiveSteps(group.steps, lengths)
          let analysis = try TransitionAnalysis(
            InformationLengthCurve(steps: steps, length: length, group: group.name),
            options: settings.transition)
          curve.analysis = analysis
          curve.comparison = references.flatMap { OverfittingComparison(analysis, references: $0) }
        } catch {
          curve.failure = "\(error)"
        }
        curves.append(curve)
      }
    }
    var result = RunAnalysis(
      settings: settings, curves: curves, references: references, referencesFailure: referencesFailure,
      stopping: [], dataFreeStop: nil)
    result.dataFreeStop = replayDetector(geometry: geometry, settings: settings)
    result.stopping = stoppingPoints(
      metrics: metrics, dataFree: result.dataFreeStop, earlyStopping: earlyStopping)
    return result
  }

  /// Steps ≥ 1 (log t needs them), and L from there on.
  static func positiveSteps(_ steps: [Int], _ lengths: [Double]) -> ([Double], [Double]) {
    let pairs = zip(steps, lengths).filter { $0.0 >= 1 }
    return (pairs.map { Double($0.0) }, pairs.map(\.1))
  }

  /// Feeds the primary curve's L, step by step, to the online detector, as `--stop-at-transition`
  /// would have during training.
  static func replayDetector(geometry: GeometrySeries, settings: Settings) -> OnlineTransitionDetector
    .Confirmation?
  {
    guard let group = geometry.group(settings.primaryGroup),
      let lengths = group.lengths[settings.headlineEstimator],
      var detector = try? OnlineTransitionDetector(options: settings.detector)
    else { return nil }
    for (step, length) in zip(group.steps, lengths) where step >= 1 && length > 0 {
      guard let confirmation = try? detector.observe(step: Double(step), length: length) else { continue }
      return confirmation
    }
    return nil
  }

  /// The data-free stop, the validation-based stop (when the run has a validation split), the best
  /// step in hindsight (highest test accuracy) and the end of training.
  static func stoppingPoints(
    metrics: [EvaluationMetrics], dataFree: OnlineTransitionDetector.Confirmation?,
    earlyStopping: ValidationEarlyStopping.Settings?
  ) -> [StoppingPoint] {
    guard let last = metrics.last else { return [] }
    func point(_ rule: String, _ step: Int) -> StoppingPoint {
      let m = metrics.last { $0.step <= step } ?? metrics[0]
      return StoppingPoint(
        rule: rule, step: step, evaluatedStep: m.step, testAccuracy: m.testAccuracy, testLoss: m.testLoss)
    }
    var points: [StoppingPoint] = []
    if let dataFree { points.append(point("data-free transition", Int(dataFree.confirmedAtStep.rounded()))) }
    if metrics.contains(where: { $0.validationLoss != nil }) {
      let rule = ValidationEarlyStopping(settings: earlyStopping ?? .init(), parameters: [])
      var stopped: Int?
      for m in metrics {
        if case .stop = rule.trainerDidEvaluate(m) {
          stopped = m.step
          break
        }
      }
      let best = rule.bestStep ?? last.step
      var p = point("validation early stopping (restore best)", best)
      p.step = stopped ?? last.step
      points.append(p)
    }
    if let best = metrics.filter({ $0.step >= 1 }).max(by: { $0.testAccuracy < $1.testAccuracy }) {
      points.append(point("best test accuracy (hindsight)", best.step))
    }
    points.append(point("end of training", last.step))
    return points
  }
}
