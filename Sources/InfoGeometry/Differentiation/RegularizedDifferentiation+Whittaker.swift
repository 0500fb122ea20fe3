import Foundation

// MARK: - Tikhonov / Whittaker smoothing with generalized cross-validation

extension RegularizedDifferentiation {
  /// z = (I + λD₂ᵀD₂)⁻¹y and the trace of that hat matrix (its effective degrees of freedom).
  static func whittakerFit(_ y: [Double], lambda: Double) -> (z: [Double], trace: Double) {
    var a = BandedSPDMatrix(identityPlus: lambda, differenceOrder: 2, weights: nil, order: y.count)
    // I + λD₂ᵀD₂ is positive definite for every λ ≥ 0; a failed pivot can only come from an
    // overflowing λ, where the straight-line limit is the answer.
    guard a.factorize() else { return (straightLine(y), 2) }
    return (a.solve(y), a.inverseDiagonal().reduce(0, +))
  }

  /// The least-squares straight line through equally spaced samples (the λ → ∞ limit).
  static func straightLine(_ y: [Double]) -> [Double] {
    let n = Double(y.count)
    let mx = (n - 1) / 2
    let my = y.reduce(0, +) / n
    var sxy = 0.0
    var sxx = 0.0
    for (i, v) in y.enumerated() {
      sxy += (Double(i) - mx) * (v - my)
      sxx += (Double(i) - mx) * (Double(i) - mx)
    }
    let slope = sxy / sxx
    return y.indices.map { my + slope * (Double($0) - mx) }
  }

  /// GCV(λ) = n·RSS(λ) / (n − tr H(λ))², minimized over log₁₀λ ∈ [−4, 10] by a scan in steps of
  /// 1/4 followed by golden-section refinement inside the best bracket.
  static func whittakerGCV(_ y: [Double]) -> (lambda: Double, z: [Double], rss: Double) {
    let n = Double(y.count)
    func score(_ logLambda: Double) -> (value: Double, z: [Double], rss: Double) {
      let fit = whittakerFit(y, lambda: pow(10, logLambda))
      let rss = residualSumOfSquares(y, fit.z)
      let dof = max(n - fit.trace, 1e-9)
      return (n * rss / (dof * dof), fit.z, rss)
    }
    let logs = stride(from: -4.0, through: 10.0, by: 0.25).map { $0 }
    let scores = logs.map { score($0).value }
    let k = scores.indices.min { scores[$0] < scores[$1] } ?? 0
    var lo = logs[max(0, k - 1)]
    var hi = logs[min(logs.count - 1, k + 1)]
    let ratio = (sqrt(5.0) - 1) / 2
    for _ in 0..<20 {
      let a = hi - ratio * (hi - lo)
      let b = lo + ratio * (hi - lo)
      if score(a).value <= score(b).value { hi = b } else { lo = a }
    }
    let best = score((lo + hi) / 2)
    return (pow(10, (lo + hi) / 2), best.z, best.rss)
  }
}
