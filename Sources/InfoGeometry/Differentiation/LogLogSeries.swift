import Foundation

/// y = ln L resampled on a uniform grid in x = ln t, from a burn-in step to the last step.
///
/// Resampling uses the monotone cubic interpolant (`MonotoneCubicInterpolant`) through the points
/// (ln t_i, ln L_i) with L_i > 0, so a non-decreasing L stays non-decreasing on the grid.
public struct LogLogSeries: Codable, Sendable, Equatable {
  /// The default number of grid points.
  public static let defaultGridSize = 256
  /// The default burn-in, in decades after the first step with L > 0.
  public static let defaultBurnInDecades = 1.0

  /// Grid abscissae x_i = ln t_i, uniform, x₀ = ln(burn-in step), x_{n−1} = ln(last step).
  public let x: [Double]
  /// Grid ordinates y_i = ln L(t_i).
  public let y: [Double]
  /// The grid step h = x₁ − x₀ (natural-log units).
  public let spacing: Double
  /// The step where the grid starts.
  public let burnInStep: Double

  /// Resamples `curve`.
  /// - Parameters:
  ///   - burnInStep: the first grid step; nil means `defaultBurnInDecades` decades after the first
  ///     step with L > 0. A value before that step is moved up to it.
  ///   - gridSize: the number of grid points (≥ `RegularizedDifferentiation.minimumPointCount`).
  /// - Throws: `TransitionError.invalidOption` (grid size, a burn-in at or after the last step),
  ///   `.tooFewPoints` (fewer than 5 measured points from the burn-in on).
  public init(
    _ curve: InformationLengthCurve, burnInStep: Double? = nil, gridSize: Int = LogLogSeries.defaultGridSize
  ) throws(TransitionError) {
    guard gridSize >= RegularizedDifferentiation.minimumPointCount else {
      throw .invalidOption(
        name: "gridSize", expected: "at least \(RegularizedDifferentiation.minimumPointCount)",
        found: Double(gridSize))
    }
    let positive = curve.steps.indices.filter { curve.length[$0] > 0 }
    guard let first = positive.first, let last = positive.last else {
      throw .tooFewPoints(field: "length", needed: 5, found: 0)
    }
    let firstStep = curve.steps[first]
    let lastStep = curve.steps[last]
    let start = max(burnInStep ?? firstStep * pow(10, Self.defaultBurnInDecades), firstStep)
    guard start.isFinite, start < lastStep else {
      throw .invalidOption(
        name: "burnInStep", expected: "a step before the last step \(lastStep)", found: start)
    }
    let measured = positive.filter { curve.steps[$0] >= start }.count
    guard measured >= 5 else { throw .tooFewPoints(field: "steps after burn-in", needed: 5, found: measured) }
    let xs = positive.map { log(curve.steps[$0]) }
    let ys = positive.map { log(curve.length[$0]) }
    guard let interpolant = MonotoneCubicInterpolant(x: xs, y: ys) else {
      throw .tooFewPoints(field: "length", needed: 2, found: xs.count)
    }
    let x0 = log(start)
    let h = (log(lastStep) - x0) / Double(gridSize - 1)
    x = (0..<gridSize).map { x0 + Double($0) * h }
    y = x.map { interpolant($0) }
    spacing = h
    self.burnInStep = start
  }
}
