import Foundation

/// Regularized first and second derivatives of noisy samples on a uniform grid.
///
/// ```
/// let d = try RegularizedDifferentiation.differentiate(y, origin: x0, spacing: h, method: .tikhonov)
/// d.firstDerivative, d.secondDerivative   // y′, y″ at x0 + i·h
/// ```
/// See `DifferentiationMethod` for the three methods, their strengths and how each strength is
/// chosen automatically when `strength` is nil.
public enum RegularizedDifferentiation {
  /// The fewest grid points the methods accept.
  public static let minimumPointCount = 8

  /// Estimates y′ and y″ of `y` sampled at `origin + i·spacing`.
  ///
  /// - Parameters:
  ///   - y: samples, at least `minimumPointCount`, all finite.
  ///   - origin: the abscissa of `y[0]`.
  ///   - spacing: the grid step h > 0.
  ///   - method: the regularization.
  ///   - strength: a manual strength (λ, α or m as documented on `DifferentiationMethod`); nil
  ///     chooses it automatically. A Savitzky–Golay half-width is rounded and clamped to
  ///     2 ≤ m ≤ (n−1)/2.
  ///   - resolution: the shortest period P (in units of x) the automatic strength may keep: the
  ///     cross-validated strength is raised, when needed, until the smoother's half-power period
  ///     is P — for Whittaker λ ≥ (P/(2πh))⁴ (response 1/(1 + λω⁴) at ω = 2πh/P), for
  ///     Savitzky–Golay the half-width m whose cubic's cutoff period (3.2(2m+1) − 4.6)/4 samples
  ///     (Schafer 2011) reaches P/h, for total variation through its Whittaker reference fit.
  ///     Cross-validation assumes independent errors; a cumulative series such as log L has
  ///     serially correlated wiggles, which it keeps as signal and interpolates. 0 disables it.
  /// - Throws: `TransitionError.tooFewPoints`, `.nonFinite`, `.invalidOption`.
  public static func differentiate(
    _ y: [Double], origin: Double = 0, spacing: Double, method: DifferentiationMethod,
    strength: Double? = nil, resolution: Double = 0
  ) throws(TransitionError) -> RegularizedDerivative {
    guard y.count >= minimumPointCount else {
      throw .tooFewPoints(field: "grid", needed: minimumPointCount, found: y.count)
    }
    if let i = y.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(field: "grid value", index: i) }
    guard spacing > 0, spacing.isFinite else {
      throw .invalidOption(name: "spacing", expected: "a finite value > 0", found: spacing)
    }
    if let s = strength, !(s > 0 && s.isFinite) {
      throw .invalidOption(name: "strength", expected: "a finite value > 0", found: s)
    }
    guard resolution >= 0, resolution.isFinite else {
      throw .invalidOption(name: "resolution", expected: "a finite value ≥ 0", found: resolution)
    }
    let periodInSamples = resolution / spacing
    let lambdaFloor = pow(periodInSamples / (2 * Double.pi), 4)
    let n = y.count
    let z: [Double]
    let used: Double
    let derivatives: (first: [Double], second: [Double])
    let gain: Double
    switch method {
    case .tikhonov:
      used = strength ?? max(whittakerGCV(y).lambda, lambdaFloor)
      var system = BandedSPDMatrix(identityPlus: used, differenceOrder: 2, weights: nil, order: n)
      let factorized = system.factorize()
      z = factorized ? system.solve(y) : straightLine(y)
      derivatives = uniformDifferences(z, spacing: spacing)
      gain = factorized ? curvatureGain(system, spacing: spacing) : 0
    case .totalVariation:
      let reference = whittakerGCV(y, minimumLambda: lambdaFloor)
      used = strength ?? totalVariationDiscrepancyStrength(y, spacing: spacing, reference: reference)
      let fit = totalVariationFit(
        y, alpha: used, spacing: spacing, start: reference.z,
        epsilon: totalVariationSmoothing(
          reference: reference.z, residualRMS: sqrt(reference.rss / Double(n)), spacing: spacing))
      z = fit.z
      derivatives = uniformDifferences(z, spacing: spacing)
      gain = fit.system.map { curvatureGain($0, spacing: spacing) } ?? 0
    case .savitzkyGolay:
      let floor = savitzkyGolayClampedHalfWidth((4 * periodInSamples + 1.4) / 6.4, count: n)
      let m = strength.map { savitzkyGolayClampedHalfWidth($0, count: n) } ?? max(savitzkyGolayGCV(y), floor)
      let fit = savitzkyGolayFit(y, halfWidth: m, spacing: spacing)
      used = Double(m)
      z = fit.z
      derivatives = (fit.d1, fit.d2)
      let centre = savitzkyGolayWeights(
        projection: savitzkyGolayProjection(halfWidth: m), halfWidth: m, offset: 0, derivatives: 3)
      gain = sqrt(centre[(2 * (2 * m + 1))...].reduce(0) { $0 + $1 * $1 }) / (spacing * spacing)
    }
    let residual = zip(y, z).map { $0 - $1 }
    let centre = median(residual)
    let residualNoise = 1.4826 * median(residual.map { abs($0 - centre) })
    return RegularizedDerivative(
      x: grid(origin: origin, spacing: spacing, count: n), smoothed: z, firstDerivative: derivatives.first,
      secondDerivative: derivatives.second, method: method, strength: used,
      strengthIsAutomatic: strength == nil, residualRMS: rms(y, z), residualNoise: residualNoise,
      curvatureNoise: residualNoise * gain)
  }

  /// The median over sampled interior grid points i of ‖∂y″_i/∂y‖₂ = ‖M⁻¹dᵢ‖₂ for a fit
  /// z = M⁻¹y with y″ = D₂z/h² (dᵢ the second-difference stencil at i over h²); about 32 points.
  static func curvatureGain(_ system: BandedSPDMatrix, spacing h: Double) -> Double {
    let n = system.order
    guard n >= 3 else { return 0 }
    let gains = stride(from: 1, to: n - 1, by: max(1, n / 32)).map { i in
      var d = [Double](repeating: 0, count: n)
      d[i - 1] = 1 / (h * h)
      d[i] = -2 / (h * h)
      d[i + 1] = 1 / (h * h)
      return sqrt(system.solve(d).reduce(0) { $0 + $1 * $1 })
    }
    return median(gains)
  }

  /// The median (mean of the two middle values for an even count; 0 for none).
  static func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    let s = values.sorted()
    let n = s.count
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
  }

  static func grid(origin: Double, spacing: Double, count: Int) -> [Double] {
    (0..<count).map { origin + Double($0) * spacing }
  }

  static func rms(_ a: [Double], _ b: [Double]) -> Double {
    sqrt(residualSumOfSquares(a, b) / Double(max(1, a.count)))
  }

  static func residualSumOfSquares(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
  }

  /// Second-order finite differences of z on a uniform grid: central inside, one-sided
  /// (−3z₀ + 4z₁ − z₂)/2h and (2z₀ − 5z₁ + 4z₂ − z₃)/h² at the ends. Needs n ≥ 4.
  static func uniformDifferences(_ z: [Double], spacing h: Double) -> (first: [Double], second: [Double]) {
    let n = z.count
    var d1 = [Double](repeating: 0, count: n)
    var d2 = [Double](repeating: 0, count: n)
    for i in 1..<(n - 1) {
      d1[i] = (z[i + 1] - z[i - 1]) / (2 * h)
      d2[i] = (z[i + 1] - 2 * z[i] + z[i - 1]) / (h * h)
    }
    d1[0] = (-3 * z[0] + 4 * z[1] - z[2]) / (2 * h)
    d1[n - 1] = (3 * z[n - 1] - 4 * z[n - 2] + z[n - 3]) / (2 * h)
    d2[0] = (2 * z[0] - 5 * z[1] + 4 * z[2] - z[3]) / (h * h)
    d2[n - 1] = (2 * z[n - 1] - 5 * z[n - 2] + 4 * z[n - 3] - z[n - 4]) / (h * h)
    return (d1, d2)
  }
}
