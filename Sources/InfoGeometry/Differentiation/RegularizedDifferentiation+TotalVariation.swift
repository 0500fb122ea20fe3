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
  /// starting fit z₀; at most 60 steps, stopping when max|Δz| ≤ 10⁻¹⁰(1 + max|z|).
  static func totalVariationFit(_ y: [Double], alpha: Double, spacing h: Double, start: [Double]) -> [Double] {
    let h2 = h * h
    let scale = BandedSPDMatrix.difference(start, order: 3).reduce(0) { max($0, abs($1) / h2) }
    let epsilon = max(pow(1e-3 * scale, 2), 1e-300)
    var z = start
    for _ in 0..<60 {
      let weights = BandedSPDMatrix.difference(z, order: 3).map { d in
        1 / (h2 * h2 * sqrt(d * d / (h2 * h2) + epsilon))
      }
      var a = BandedSPDMatrix(identityPlus: alpha, differenceOrder: 3, weights: weights, order: y.count)
      guard a.factorize() else { return z }
      let next = a.solve(y)
      let change = zip(next, z).reduce(0) { max($0, abs($1.0 - $1.1)) }
      let size = next.reduce(0) { max($0, abs($1)) }
      z = next
      if change <= 1e-10 * (1 + size) { break }
    }
    return z
  }

  /// The α whose fit error equals the reference (GCV-optimal Whittaker) fit error,
  /// RSS_TV(α) = RSS_W, found by bisection in log α (RSS_TV grows with α). The bracket starts at
  /// α₀/10⁴…α₀·10⁴ with α₀ = RSS_W / TV(y″_W) and widens if needed; if even the widest α fits
  /// better than the reference, that α is returned.
  static func totalVariationDiscrepancyStrength(
    _ y: [Double], spacing h: Double, reference: (lambda: Double, z: [Double], rss: Double)
  ) -> Double {
    let tv = BandedSPDMatrix.difference(reference.z, order: 3).reduce(0) { $0 + abs($1) } / (h * h)
    let guess = max(reference.rss, 1e-300) / max(tv, 1e-300)
    func rss(_ logAlpha: Double) -> Double {
      residualSumOfSquares(y, totalVariationFit(y, alpha: exp(logAlpha), spacing: h, start: reference.z))
    }
    var lo = log(guess) - 4 * log(10.0)
    var hi = log(guess) + 4 * log(10.0)
    var widenings = 0
    while rss(hi) < reference.rss, widenings < 3 {
      hi += 4 * log(10.0)
      widenings += 1
    }
    if rss(hi) < reference.rss { return exp(hi) }
    for _ in 0..<18 {
      let mid = (lo + hi) / 2
      if rss(mid) < reference.rss { lo = mid } else { hi = mid }
    }
    return exp((lo + hi) / 2)
  }
}
