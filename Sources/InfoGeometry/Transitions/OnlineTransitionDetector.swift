import Foundation

/// Data-free early stopping: a detector fed (step, L) one pair at a time that confirms a minimum of
/// y″ = d²(ln L)/d(ln t)² using only the past.
///
/// State: the points from the burn-in on, thinned so that retained steps are at least
/// `resolutionDecades` apart in log₁₀ t, plus the newest observation: at most
/// log₁₀(t_last/t_burn-in)/resolution + 2 points.
///
/// Every `updateEveryDecades` of log₁₀ t the retained points are analysed like
/// `TransitionAnalysis` does (resampling to `gridSize` points, `method` with automatic strength,
/// minima away from the grid ends). The most pronounced minimum (value v, depth h, at t_m) is
/// confirmed at the current step when
/// 1. its significance is ≥ `minimumSignificance`, and
/// 2. y″ has risen back by the margin, y″ ≥ v + `riseFraction`·h, and has stayed there on every
///    grid point of the last `windowDecades` of the searched range (which ends
///    `edgeExclusionFraction` of the grid before the current step), the rise beginning after t_m.
/// So it fires after the minimum by (time for y″ to rise by the margin) + window + edge, plus at
/// most one update interval.
/// The detector fires once; later observations are still accepted and change nothing.
public struct OnlineTransitionDetector: Sendable {
  /// Settings with documented defaults.
  public struct Options: Codable, Sendable, Equatable {
    /// Differentiation method (default `.tikhonov`).
    public var method: DifferentiationMethod
    /// The first step analysed; nil (default) = one decade after the first step with L > 0.
    public var burnInStep: Double?
    /// Grid points of each recomputation (default 128).
    public var gridSize: Int
    /// Decades of t over which the risen y″ must have held (default 0.2).
    public var windowDecades: Double
    /// The margin: the rise of y″ above the minimum required, as a fraction of the dip's depth
    /// (default 0.5).
    public var riseFraction: Double
    /// Least significance of a confirmed minimum (default 6: the depth is a trough-to-crest range
    /// measured against the robust spread of y″, and the deepest of a dozen noise dips reaches
    /// about 5 noise levels).
    public var minimumSignificance: Double
    /// Decades of t between recomputations (default 0.02).
    public var updateEveryDecades: Double
    /// Thinning of retained points, decades (default 0.002).
    public var resolutionDecades: Double
    /// Fraction of the grid at each end where minima are not searched (default 0.03).
    public var edgeExclusionFraction: Double
    /// The finest scale the automatic strength resolves, decades (default 0.2; see
    /// `TransitionAnalysisOptions.smoothingScaleDecades`).
    public var smoothingScaleDecades: Double

    /// Options with the documented defaults.
    public init(
      method: DifferentiationMethod = .tikhonov, burnInStep: Double? = nil, gridSize: Int = 128,
      windowDecades: Double = 0.2, riseFraction: Double = 0.5, minimumSignificance: Double = 6,
      updateEveryDecades: Double = 0.02, resolutionDecades: Double = 0.002,
      edgeExclusionFraction: Double = 0.03, smoothingScaleDecades: Double = 0.2
    ) {
      self.method = method
      self.burnInStep = burnInStep
      self.gridSize = gridSize
      self.windowDecades = windowDecades
      self.riseFraction = riseFraction
      self.minimumSignificance = minimumSignificance
      self.updateEveryDecades = updateEveryDecades
      self.resolutionDecades = resolutionDecades
      self.edgeExclusionFraction = edgeExclusionFraction
      self.smoothingScaleDecades = smoothingScaleDecades
    }
  }

  /// A confirmed minimum.
  public struct Confirmation: Codable, Sendable, Equatable {
    /// The step at which the detector fired (the latest observed step then).
    public var confirmedAtStep: Double
    /// The step of the confirmed minimum of y″ (≤ `confirmedAtStep`).
    public var minimumStep: Double
    /// The minimum as estimated when it was confirmed.
    public var minimum: SecondDerivativeMinimum
  }

  /// The options in use.
  public let options: Options
  /// The confirmation, once the detector has fired.
  public private(set) var confirmation: Confirmation?
  private var retainedSteps: [Double] = []
  private var retainedLength: [Double] = []
  private var firstPositiveStep: Double?
  private var lastStep: Double?
  private var lastUpdateLog: Double = -Double.infinity

  /// A detector with the given options.
  /// - Throws: `TransitionError.invalidOption` for non-positive windows or resolutions, or a rise
  ///   fraction outside (0, 1].
  public init(options: Options = .init()) throws(TransitionError) {
    for (name, value) in [
      ("windowDecades", options.windowDecades),
      ("updateEveryDecades", options.updateEveryDecades), ("resolutionDecades", options.resolutionDecades),
    ] where !(value > 0 && value.isFinite) {
      throw .invalidOption(name: name, expected: "a finite value > 0", found: value)
    }
    guard options.riseFraction > 0, options.riseFraction <= 1 else {
      throw .invalidOption(
        name: "riseFraction", expected: "a fraction in (0, 1]", found: options.riseFraction)
    }
    self.options = options
  }

  /// The number of retained points (the detector's state size).
  public var retainedCount: Int { retainedSteps.count }

  /// Feeds one observation and returns the confirmation if the detector fires now.
  /// - Throws: `TransitionError.stepsNotIncreasing`, `.stepBelowOne`, `.nonFinite`,
  ///   `.nonPositiveLength` (L must be > 0 after the first observation).
  public mutating func observe(step: Double, length: Double) throws(TransitionError) -> Confirmation? {
    let index = retainedSteps.count
    guard step.isFinite else { throw .nonFinite(field: "steps", index: index) }
    guard length.isFinite else { throw .nonFinite(field: "length", index: index) }
    guard step >= 1 else { throw .stepBelowOne(index: index, found: step) }
    if let last = lastStep, !(step > last) {
      throw .stepsNotIncreasing(index: index, previous: last, found: step)
    }
    if lastStep == nil ? length < 0 : !(length > 0) { throw .nonPositiveLength(index: index, found: length) }
    lastStep = step
    guard length > 0 else { return nil }
    if firstPositiveStep == nil { firstPositiveStep = step }
    let burnIn =
      options.burnInStep ?? (firstPositiveStep ?? step) * pow(10, LogLogSeries.defaultBurnInDecades)
    guard step >= burnIn else { return nil }
    // The last retained point is always the newest; it is kept for good once it lies at least the
    // resolution past the point before it.
    let count = retainedSteps.count
    if count >= 2, log10(retainedSteps[count - 1] / retainedSteps[count - 2]) < options.resolutionDecades {
      retainedSteps[retainedSteps.count - 1] = step
      retainedLength[retainedLength.count - 1] = length
    } else {
      retainedSteps.append(step)
      retainedLength.append(length)
    }
    guard confirmation == nil, retainedSteps.count >= 16,
      log10(step) - lastUpdateLog >= options.updateEveryDecades
    else { return nil }
    lastUpdateLog = log10(step)
    confirmation = try confirm(now: step, burnIn: burnIn)
    return confirmation
  }

  /// Analyses the retained points and applies the confirmation rule.
  private func confirm(now: Double, burnIn: Double) throws(TransitionError) -> Confirmation? {
    let curve = try InformationLengthCurve(steps: retainedSteps, length: retainedLength)
    let grid = try LogLogSeries(curve, burnInStep: max(burnIn, retainedSteps[0]), gridSize: options.gridSize)
    let d = try RegularizedDifferentiation.differentiate(
      grid.y, origin: grid.x[0], spacing: grid.spacing, method: options.method,
      resolution: options.smoothingScaleDecades * log(10))
    let v = d.secondDerivative
    let edge = max(1, Int((options.edgeExclusionFraction * Double(options.gridSize)).rounded()))
    let noise = SecondDerivativeMinimum.noiseLevel(
      curvature: v, edgeExclusion: edge, propagated: d.curvatureNoise)
    let minima = SecondDerivativeMinimum.search(x: d.x, curvature: v, edgeExclusion: edge, noiseLevel: noise)
    let searchedEnd = v.count - 1 - edge
    guard let m = minima.first, m.significance >= options.minimumSignificance else { return nil }
    let level = m.value + options.riseFraction * m.depth
    var start = searchedEnd
    while start > 0, v[start - 1] >= level, d.x[start - 1] > m.logStep { start -= 1 }
    let held =
      v[searchedEnd] >= level && d.x[start] > m.logStep
      && d.x[searchedEnd] - d.x[start] >= options.windowDecades * log(10.0)
    if held { return Confirmation(confirmedAtStep: now, minimumStep: m.step, minimum: m) }
    return nil
  }
}
