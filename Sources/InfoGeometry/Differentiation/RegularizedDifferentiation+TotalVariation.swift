import Foundation

// MARK: - Total-variation regularized differentiation (Chartrand 2011, at order two)

extension RegularizedDifferentiation {
  /// Lagged-diffusivity iterations of Chartrand's method for
  /// ```
  /// argmin_z ½‖y − z‖² + α Σ_r √((D₃z)_r²/h⁴ + ε)
  /// ```
  /// (TV of u = y″ = D₂z/h², smoothed by ε). Each step solves the band system
  /// (I + α D₃ᵀ W D₃) z = y with W_r = 1/(h⁴√((D₃z)_r²/h⁴ + ε)) frozen at the previous iterate; the
  /// system has half-bandwidth 3 and is solved exactly by a band Cholesky factorization (cheaper and
  /// more robust than conjugate gradients at this size). At most `maximumIterations` steps,
  /// stopping when max|Δz| ≤ 10⁻⁷(1 + max|z|). Returns the fit and the last factorized system
  /// (the linear map that produced it).
  static func totalVariationFit(
    _ y: [Double], alpha: Double, spacing h: Double, start: [Double], epsilon: Double,
    maximumIterations: Int = 60
  ) -> (z: [Double], system: BandedSPDMatrix?) {
    let h4 = pow(h, 4)
    var z = start
    var system: BandedSPDMatrix? = nil
    for _ in 0..<maximumIterations {
      let weights = BandedSPDMatrix.difference(z, order: 3).map { d in 1 / (h4 * sqrt(d * d / h4 + epsilon)) }
      var a = BandedSPDMatrix(identityPlus: alpha, differenceOrder: 3, weights: weights, order: y.count)
      guard a.factorize() else { break }
      system = a
      let next = a.solve(y)
      var change = 0.0
      var size = 0.0
      for i in next.indices {
        change = max(change, abs(next[i] - z[i]))
        size = max(size, abs(next[i]))
      }
      z = next
      if change <= 1e-7 * (1 + size) { break }
    }
    return (z, system)
  }

  /// The TV smoothing ε = (10⁻²·s/h²)² with s = max(max_r|(D₃z₀)_r|, 10⁻²·σ₀) from a reference fit
  /// z₀ with RMS residual σ₀: the corner of √(·² + ε) sits at 1% of the largest jump of y″ per grid
  /// step, and never below what a hundredth of the noise would make (which keeps the band system
  /// well conditioned when the reference is a straight line).
  static func totalVariationSmoothing(reference z: [Double], residualRMS sigma: Double, spacing h: Double)
    -> Double
  {
    let jump = BandedSPDMatrix.difference(z, order: 3).reduce(0) { max($0, abs($1)) }
    let scale = max(jump, 1e-2 * sigma) / (h * h)
    return max(pow(1e-2 * scale, 2), 1e-300)
  }

  /// The α whose fit error equals the reference (GCV-optimal Whittaker) fit error,
  /// RSS_TV(α) = RSS_W (a discrepancy principle; RSS_TV grows with α). The root of
  /// g(ln α) = ln RSS_TV(α) − ln RSS_W is bracketed from α₀/10⁴…α₀·10⁴, α₀ = RSS_W / TV(y″_W)
  /// (widened up to 10¹²·α₀ if needed), and refined by the Illinois variant of regula falsi to
  /// |Δ ln α| < 0.02 (at most 12 steps; each inner fit warm-starts and runs at most 30 iterations).
  /// If even the widest α fits better than the reference, that α is returned.
  static func totalVariationDiscrepancyStrength(
    _ y: [Double], spacing h: Double, reference: (lambda: Double, z: [Double], rss: Double)
  ) -> Double {
    let tv = BandedSPDMatrix.difference(reference.z, order: 3).reduce(0) { $0 + abs($1) } / (h * h)
    let target = max(reference.rss, 1e-300)
    let guess = target / max(tv, 1e-300)
    let epsilon = totalVariationSmoothing(
      reference: reference.z, residualRMS: sqrt(reference.rss / Double(y.count)), spacing: h)
    var warm = reference.z
    func g(_ logAlpha: Double) -> Double {
      warm =
        totalVariationFit(
          y, alpha: exp(logAlpha), spacing: h, start: warm, epsilon: epsilon, maximumIterations: 30
        ).z
      return log(max(residualSumOfSquares(y, warm), 1e-300)) - log(target)
    }
    let decade = log(10.0)
    var a = log(guess) - 4 * decade
    var b = log(guess) + 4 * decade
    var gb = g(b)
    var widenings = 0
    while gb < 0, widenings < 2 {
      a = b
      b += 4 * decade
      gb = g(b)
      widenings += 1
    }
    if gb < 0 { return exp(b) }
    var ga = g(a)
    if ga >= 0 { return exp(a) }
    var side = 0
    for _ in 0..<12 where b - a >= 0.02 {
      let c = (a * gb - b * ga) / (gb - ga)
      let gc = g(c)
      if gc < 0 {
        a = c
        ga = gc
        if side == -1 { gb /= 2 }
        side = -1
      } else {
        b = c
        gb = gc
        if side == 1 { ga /= 2 }
        side = 1
      }
      if abs(gc) < 1e-3 { return exp(c) }
    }
    return exp((a + b) / 2)
  }
}
