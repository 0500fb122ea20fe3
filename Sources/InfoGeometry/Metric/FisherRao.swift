import Foundation

/// Fisher–Rao geometry of the two density families the module estimates: categorical distributions
/// (histograms, including their underflow/overflow categories) and univariate Gaussians.
///
/// All sums are in Float64. Distances are dimensionless (numbers of distinguishable states).
public enum FisherRao {
  /// Squared Hellinger sum `H = Σ_k (√P̃_k − √Q̃_k)²` of the normalized masses `P̃ = P/ΣP`, `Q̃ = Q/ΣQ`.
  ///
  /// Exactly 0 for identical inputs and exactly symmetric. Relates to the Bhattacharyya coefficient by
  /// `BC = 1 − H/2`. Arrays must have equal length; missing trailing entries count as 0.
  public static func hellingerSum(_ p: [Double], _ q: [Double]) -> Double {
    let sp = p.reduce(0, +)
    let sq = q.reduce(0, +)
    guard sp > 0, sq > 0 else { return sp == sq ? 0 : 2 }
    let rp = 1 / sp.squareRoot()
    let rq = 1 / sq.squareRoot()
    var h = 0.0
    for k in 0..<max(p.count, q.count) {
      let a = k < p.count ? p[k].squareRoot() * rp : 0
      let b = k < q.count ? q[k].squareRoot() * rq : 0
      h += (a - b) * (a - b)
    }
    return h
  }

  /// Bhattacharyya coefficient `BC = Σ_k √(P_k Q_k)` of the normalized masses, clamped to [0, 1].
  public static func bhattacharyyaCoefficient(_ p: [Double], _ q: [Double]) -> Double {
    min(1, max(0, 1 - hellingerSum(p, q) / 2))
  }

  /// Fisher–Rao geodesic distance between categorical distributions,
  /// ```
  /// d = 2·arccos(BC) = 4·arcsin(√H / 2),   BC clamped to [0, 1], so 0 ≤ d ≤ π.
  /// ```
  /// Computed in the arcsine form, which keeps full relative precision for the small per-step distances of
  /// training (the arccosine of a number near 1 loses half the digits). d(P, P) = 0 exactly.
  public static func categoricalDistance(_ p: [Double], _ q: [Double]) -> Double {
    distance(hellingerSum: hellingerSum(p, q))
  }

  /// The categorical Fisher–Rao distance from a squared Hellinger sum H: `4·arcsin(min(1, √H/2))`.
  public static func distance(hellingerSum h: Double) -> Double {
    4 * asin(min(1, h.squareRoot() / 2))
  }

  /// Hellinger form of the distance, `d_H = √(8(1 − BC)) = 2√H`; it agrees with the Fisher–Rao distance
  /// to second order for small steps and is always at most it.
  public static func hellingerDistance(_ p: [Double], _ q: [Double]) -> Double {
    2 * hellingerSum(p, q).squareRoot()
  }

  /// Fisher–Rao geodesic distance between univariate Gaussians N(μ₁, σ₁²) and N(μ₂, σ₂²), metric
  /// `ds² = (dμ² + 2dσ²)/σ²`:
  /// ```
  /// d = √2 · arccosh(1 + ((Δμ)²/2 + (Δσ)²) / (2σ₁σ₂))
  /// ```
  /// evaluated as `√2·log1p(x + √(x(2 + x)))` for full precision at small x. Identical Gaussians give 0
  /// exactly; a zero or non-finite width gives 0 if the two are identical and +∞ otherwise.
  public static func gaussianDistance(mean1: Double, std1: Double, mean2: Double, std2: Double) -> Double {
    if mean1 == mean2 && std1 == std2 { return 0 }
    guard std1 > 0, std2 > 0, std1.isFinite, std2.isFinite else { return .infinity }
    let dm = mean2 - mean1
    let ds = std2 - std1
    let x = (dm * dm / 2 + ds * ds) / (2 * std1 * std2)
    return 2.0.squareRoot() * log1p(x + (x * (2 + x)).squareRoot())
  }
}
