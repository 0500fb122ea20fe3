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
  /// more robust than conjugate gradients at this size). ε = (10⁻³·max_r|(D₃z₀)_r|/h²)² from the
  /// starting fit z₀; at most `maximumIterations` steps, stopping when max|Δz| ≤ 10⁻⁷(1 + max|z|).
  static func totalVariationFit(
    _ y: [Double], alpha: Double, spacing h: Double, start: [Double], maximumIterations: Int = 60
  ) -> [Double] {
    let h2 = h * h
    let scale = BandedSPDMatrix.difference(start, order: 3).reduce(0) { max($0, abs($1) / h2) }
    let epsilon = max(pow(1e-2 * scale, 2), 1e-300)
    var z = start
    for _ in 0..<maximumIterations {
      let weights = BandedSPDMatrix.difference(z, order: 3).map { d in
        1 / (h2 * h2 * sqrt(d * d / (h2 * h2) + epsilon))
      }
      var a = BandedSPDMatrix(identityPlus: alpha, differenceOrder: 3, weights: weights, order: y.count)
      guard a.factorize() else { return z }
      let next = a.solve(y)
      let change = zip(next, z).reduce(0) { max($0, abs($1.0 - $1.1)) }
      let size = next.reduce(0) { max($0, abs($1)) }
      z = next
      if change <= 1e-7 * (1 + size) { break }
    }
    return z
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
    var warm = reference.z
    func g(_ logAlpha: Double) -> Double {
      warm = totalVariationFit(y, alpha: exp(logAlpha), spacing: h, start: warm, maximumIterations: 30)
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
