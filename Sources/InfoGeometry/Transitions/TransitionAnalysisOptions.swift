/// Settings of `TransitionAnalysis`; every field has a documented default.
public struct TransitionAnalysisOptions: Codable, Sendable, Equatable {
  /// The differentiation method (default `.tikhonov`).
  public var method: DifferentiationMethod
  /// A manual regularization strength (see `DifferentiationMethod`); nil (default) = automatic.
  public var strength: Double?
  /// The first grid step; nil (default) = one decade after the first step with L > 0.
  public var burnInStep: Double?
  /// Grid points in ln t (default 256).
  public var gridSize: Int
  /// The finest scale, in decades of t, the automatic strength resolves (default 0.2): the
  /// smoother's half-power period is kept at least this long (see
  /// `RegularizedDifferentiation.differentiate(_:origin:spacing:method:strength:resolution:)`).
  /// Without it, cross-validation reproduces every serially correlated wiggle of log L and y″ is
  /// dominated by them. Ignored when `strength` is given.
  public var smoothingScaleDecades: Double
  /// Fraction of the grid at each end where minima are not searched (default 0.03: edge effects
  /// of the regularizers).
  public var edgeExclusionFraction: Double
  /// The stability check rescales the strength by 1/f and f (default f = 3).
  public var stabilityFactor: Double
  /// The method of the stability cross-check; nil (default) = `method.alternate`.
  public var alternateMethod: DifferentiationMethod?
  /// A marker whose stability spread exceeds this many decades is weak (default 0.2).
  public var maximumSpreadDecades: Double
  /// A marker whose significance is below this is weak (default 5: the depth is a trough-to-crest
  /// range, and the deepest of a dozen pure-noise dips reaches about 5 noise levels).
  public var minimumSignificance: Double

  /// Options with the documented defaults, any of which can be overridden.
  public init(
    method: DifferentiationMethod = .tikhonov, strength: Double? = nil, burnInStep: Double? = nil,
    gridSize: Int = LogLogSeries.defaultGridSize, smoothingScaleDecades: Double = 0.2,
    edgeExclusionFraction: Double = 0.03,
    stabilityFactor: Double = 3, alternateMethod: DifferentiationMethod? = nil,
    maximumSpreadDecades: Double = 0.2, minimumSignificance: Double = 5
  ) {
    self.method = method
    self.strength = strength
    self.burnInStep = burnInStep
    self.gridSize = gridSize
    self.smoothingScaleDecades = smoothingScaleDecades
    self.edgeExclusionFraction = edgeExclusionFraction
    self.stabilityFactor = stabilityFactor
    self.alternateMethod = alternateMethod
    self.maximumSpreadDecades = maximumSpreadDecades
    self.minimumSignificance = minimumSignificance
  }
}
