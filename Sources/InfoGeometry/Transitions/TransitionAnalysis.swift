import Foundation

/// The transition analysis of one information-length curve: y = ln L on a uniform ln t grid, its
/// regularized derivatives, the candidate minima of y″ and the marker t_c with its stability.
///
/// ```
/// let curve = try InformationLengthCurve(steps: steps, length: L, group: "all")
/// let analysis = try TransitionAnalysis(curve, options: .init(method: .totalVariation))
/// analysis.marker?.step, analysis.marker?.minimum.depth, analysis.marker?.isWeak
/// ```
/// The input type holds only steps and L, so the marker cannot see test data.
public struct TransitionAnalysis: Codable, Sendable, Equatable {
  /// The curve's parameter group.
  public var group: String
  /// The options used.
  public var options: TransitionAnalysisOptions
  /// The resampled series (x = ln t, y = ln L).
  public var grid: LogLogSeries
  /// y′ and y″ on the grid, with the method and the (chosen or given) strength.
  public var derivative: RegularizedDerivative
  /// The noise level of y″ that significances are measured against: the larger of
  /// `derivative.curvatureNoise` (the residual's robust noise propagated through the method) and
  /// the robust spread of y″ over the searched range (`SecondDerivativeMinimum.noiseLevel`).
  public var noiseLevel: Double
  /// Every local minimum of y″ in the searched range, most pronounced first (the first is the
  /// marker's).
  public var candidates: [SecondDerivativeMinimum]
  /// The marker, nil when y″ has no interior minimum.
  public var marker: TransitionMarker?

  /// Runs the analysis.
  /// - Throws: `TransitionError` for an unusable curve or options.
  public init(_ curve: InformationLengthCurve, options: TransitionAnalysisOptions = .init())
    throws(TransitionError)
  {
    guard options.edgeExclusionFraction >= 0, options.edgeExclusionFraction < 0.4 else {
      throw .invalidOption(
        name: "edgeExclusionFraction", expected: "a fraction in [0, 0.4)",
        found: options.edgeExclusionFraction)
    }
    guard options.stabilityFactor > 1, options.stabilityFactor.isFinite else {
      throw .invalidOption(
        name: "stabilityFactor", expected: "a finite value > 1", found: options.stabilityFactor)
    }
    let grid = try LogLogSeries(curve, burnInStep: options.burnInStep, gridSize: options.gridSize)
    let edge = max(1, Int((options.edgeExclusionFraction * Double(options.gridSize)).rounded()))
    func estimate(_ method: DifferentiationMethod, _ strength: Double?) throws(TransitionError)
      -> (derivative: RegularizedDerivative, noise: Double, minima: [SecondDerivativeMinimum])
    {
      let d = try RegularizedDifferentiation.differentiate(
        grid.y, origin: grid.x[0], spacing: grid.spacing, method: method, strength: strength,
        resolution: options.smoothingScaleDecades * log(10))
      let noise = SecondDerivativeMinimum.noiseLevel(
        curvature: d.secondDerivative, edgeExclusion: edge, propagated: d.curvatureNoise)
      let minima = SecondDerivativeMinimum.search(
        x: d.x, curvature: d.secondDerivative, edgeExclusion: edge, noiseLevel: noise)
      return (d, noise, minima)
    }
    let main = try estimate(options.method, options.strength)
    group = curve.group
    self.options = options
    self.grid = grid
    derivative = main.derivative
    noiseLevel = main.noise
    candidates = main.minima
    guard let best = main.minima.first else {
      marker = nil
      return
    }
    let f = options.stabilityFactor
    let alternate = options.alternateMethod ?? options.method.alternate
    let s = main.derivative.strength
    var variants: [MarkerStability.Variant] = []
    for (label, method, strength) in [
      ("strength/\(f)", options.method, s / f), ("strength×\(f)", options.method, s * f),
      ("alternate method", alternate, nil),
    ] {
      let v = try estimate(method, strength)
      variants.append(
        MarkerStability.Variant(
          label: label, method: method, strength: v.derivative.strength, step: v.minima.first?.step))
    }
    let logs = [best.step] + variants.compactMap(\.step)
    let spread = log10(logs.max() ?? best.step) - log10(logs.min() ?? best.step)
    var weaknesses: [TransitionMarker.Weakness] = []
    if spread > options.maximumSpreadDecades { weaknesses.append(.unstable) }
    if best.significance < options.minimumSignificance { weaknesses.append(.lowSignificance) }
    if variants.contains(where: { $0.step == nil }) { weaknesses.append(.variantWithoutMinimum) }
    marker = TransitionMarker(
      minimum: best, stability: MarkerStability(variants: variants, spreadDecades: spread),
      isWeak: !weaknesses.isEmpty, weaknesses: weaknesses)
  }
}
