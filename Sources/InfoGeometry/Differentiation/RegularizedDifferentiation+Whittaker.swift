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

  /// GCV(λ) = n·RSS(λ) / (n − tr H(λ))², minimized over log₁₀λ ∈ [−3, 10] by a scan in steps of
  /// 1/2 followed by golden-section refinement (12 steps) inside the best bracket; a result below
  /// `minimumLambda` is replaced by the fit at `minimumLambda`.
  static func whittakerGCV(_ y: [Double], minimumLambda: Double = 0) -> (
    lambda: Double, z: [Double], rss: Double
  ) {
    let n = Double(y.count)
    func score(_ logLambda: Double) -> (value: Double, z: [Double], rss: Double) {
      let fit = whittakerFit(y, lambda: pow(10, logLambda))
      let rss = residualSumOfSquares(y, fit.z)
      let dof = max(n - fit.trace, 1e-9)
      return (n * rss / (dof * dof), fit.z, rss)
    }
    let logs = stride(from: -3.0, through: 10.0, by: 0.5).map { $0 }
    let scores = logs.map { score($0) }
    let k = scores.indices.min { scores[$0].value < scores[$1].value } ?? 0
    var lo = logs[max(0, k - 1)]
    var hi = logs[min(logs.count - 1, k + 1)]
    var best = (log: logs[k], fit: scores[k])
    let ratio = (sqrt(5.0) - 1) / 2
    var a = hi - ratio * (hi - lo)
    var b = lo + ratio * (hi - lo)
    var fa = score(a)
    var fb = score(b)
    for _ in 0..<12 {
      if fa.value <= fb.value {
        hi = b
        (b, fb) = (a, fa)
        a = hi - ratio * (hi - lo)
        fa = score(a)
      } else {
        lo = a
        (a, fa) = (b, fb)
        b = lo + ratio * (hi - lo)
        fb = score(b)
      }
      for (x, f) in [(a, fa), (b, fb)] where f.value < best.fit.value { best = (x, f) }
    }
    if pow(10, best.log) < minimumLambda {
      let fit = whittakerFit(y, lambda: minimumLambda)
      return (minimumLambda, fit.z, residualSumOfSquares(y, fit.z))
    }
    return (pow(10, best.log), best.fit.z, best.fit.rss)
  }
}
