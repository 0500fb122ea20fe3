import Foundation

/// The data collapse of the per-size y″ curves: y″·N^(−ζ) against (x − x_c)·N^(1/ν), with
/// (x_c, ν, ζ) minimizing the Houdayer–Hartmann quality S (`CollapseQuality`) by Nelder–Mead.
///
/// Errors of the parameters, two kinds:
/// - `standardError`, from the curvature of S at the minimum, by the sandwich formula
///   Cov = S_min·H⁻¹·J·H⁻¹: H the finite-difference Hessian of S, J the covariance of the
///   gradient ∇S over 16 draws of the curves perturbed by N(0, dy²) noise (fixed seed), and S_min
///   rescaling errors dy that are off by a common factor. The plain χ² reading of H&H's S —
///   one σ where S rises to S_min·(1 + 1/𝒩), Cov = (2·S_min/𝒩)·H⁻¹ — is too small: every point
///   enters as data and in the master curve of the others, so 𝒩·S counts each discrepancy more
///   than once (for two fully overlapping curves 𝒩·S = 2χ² exactly), and on the synthetic family
///   of the tests it gave errors 1.3–1.8 times too small. Houdayer and Hartmann quote the change
///   of a parameter that raises S by a given amount; pyfssa, a public implementation, takes the
///   curvature of S itself (a rise of S by one), which here would be √𝒩 times larger still. The
///   step of each finite difference is where S has risen by about 9·S_min/𝒩, large enough to
///   average over the small jumps S makes when the bracketing points change. On the synthetic
///   family, the RMS of (estimate − truth)/standardError over 16 noise seeds was 1.5 (x_c),
///   1.3 (ν), 0.9 (ζ): the small jumps of S still add some scatter that the curvature cannot see.
/// - bootstrap fields, from refits to curves averaged over seeds resampled within each size
///   (with the errors dy of the full data).
public struct DataCollapse: Codable, Sendable, Equatable {
  /// A curve after scaling, for plotting.
  public struct ScaledCurve: Codable, Sendable, Equatable {
    /// The size N.
    public var size: Double
    /// (x − x_c)·N^(1/ν).
    public var x: [Double]
    /// y″·N^(−ζ).
    public var y: [Double]
    /// dy·N^(−ζ).
    public var errors: [Double]
  }

  /// The best parameters.
  public var parameters: CollapseParameters
  /// x_c with errors.
  public var criticalX: ScalingEstimate
  /// ν with errors.
  public var nu: ScalingEstimate
  /// ζ with errors.
  public var zeta: ScalingEstimate
  /// S at the best parameters.
  public var quality: Double
  /// 𝒩 at the best parameters.
  public var pointCount: Int
  /// N_ref used inside S (the geometric mean of the sizes); S does not depend on it.
  public var referenceSize: Double
  /// True when the minimizer met its tolerances.
  public var converged: Bool
  /// The per-size mean curves that were collapsed.
  public var curves: [CollapseCurve]
  /// The curves scaled with the best parameters (raw N, as in the formula).
  public var scaledCurves: [ScaledCurve]

  /// The minimum of S over (x_c, ν, ζ) from `start`, with the simplex steps `steps`; one restart
  /// from the first minimum guards against a collapsed simplex.
  static func minimize(
    _ curves: [CollapseCurve], referenceSize: Double, start: CollapseParameters, steps: [Double],
    minimizer: NelderMead
  ) -> NelderMead.Result {
    let s = { (v: [Double]) in
      CollapseQuality(curves: curves, parameters: CollapseParameters(v), referenceSize: referenceSize).value
    }
    let first = minimizer.minimize(from: start.vector, steps: steps, s)
    let second = minimizer.minimize(from: first.point, steps: steps.map { $0 / 2 }, s)
    return second.value <= first.value ? second : first
  }

  /// The fit of `curves` (at least two sizes), its curvature errors, and bootstrap refits of the
  /// `replicates` (curve sets from resampled seeds).
  static func fit(
    _ curves: [CollapseCurve], start: CollapseParameters, minimizer: NelderMead,
    replicates: [[CollapseCurve]]
  ) -> DataCollapse? {
    let reference = exp(curves.map { log($0.size) }.reduce(0, +) / Double(curves.count))
    let span = curves.map { ($0.x.last ?? 0) - ($0.x.first ?? 0) }.max() ?? 1
    let steps = [0.05 * span, 0.2 * start.nu, 0.2 * max(abs(start.zeta), 0.5)]
    let best = minimize(curves, referenceSize: reference, start: start, steps: steps, minimizer: minimizer)
    let p = CollapseParameters(best.point)
    let atBest = CollapseQuality(curves: curves, parameters: p, referenceSize: reference)
    guard atBest.value.isFinite else { return nil }
    let errors = curvatureErrors(curves, referenceSize: reference, at: p, quality: atBest, steps: steps)
    let refits = replicates.map { r -> [Double]? in
      let result = minimize(r, referenceSize: reference, start: p, steps: steps, minimizer: minimizer)
      return result.value.isFinite ? result.point : nil
    }.compactMap { $0 }
    let scaled = curves.map { c -> ScaledCurve in
      let sx = pow(c.size, 1 / p.nu)
      let sy = pow(c.size, -p.zeta)
      return ScaledCurve(
        size: c.size, x: c.x.map { ($0 - p.criticalX) * sx }, y: c.y.map { $0 * sy }, errors: c.errors.map { $0 * sy })
    }
    return DataCollapse(
      parameters: p,
      criticalX: ScalingEstimate(value: p.criticalX, standardError: errors?[0], replicates: refits.map { $0[0] }),
      nu: ScalingEstimate(value: p.nu, standardError: errors?[1], replicates: refits.map { $0[1] }),
      zeta: ScalingEstimate(value: p.zeta, standardError: errors?[2], replicates: refits.map { $0[2] }),
      quality: atBest.value, pointCount: atBest.pointCount, referenceSize: reference, converged: best.converged,
      curves: curves, scaledCurves: scaled)
  }

  /// One-σ errors √diag((2·S_min/𝒩)·H⁻¹) (see the type's documentation); nil when S does not
  /// rise in some direction or H is not positive definite.
  static func curvatureErrors(
    _ curves: [CollapseCurve], referenceSize: Double, at p: CollapseParameters, quality: CollapseQuality,
    steps: [Double]
  ) -> [Double]? {
    let centre = p.vector
    let sMin = quality.value
    let level = 2 * sMin / Double(quality.pointCount)
    func s(_ offset: [Double]) -> Double {
      let v = zip(centre, offset).map { $0 + $1 }
      return CollapseQuality(curves: curves, parameters: CollapseParameters(v), referenceSize: referenceSize).value
    }
    func axis(_ k: Int, _ h: Double) -> [Double] { (0..<3).map { $0 == k ? h : 0 } }
    // Per parameter, a step h_k where the mean rise of S on both sides is near 9·S_min/𝒩.
    let target = 4.5 * level
    var h = [Double](repeating: 0, count: 3)
    for k in 0..<3 {
      var step = steps[k] / 10
      func rise(_ t: Double) -> Double { (s(axis(k, t)) + s(axis(k, -t))) / 2 - sMin }
      var r = rise(step)
      var tries = 0
      while tries < 40, !(r >= target / 3 && r <= target * 3) {
        step *= r.isFinite && r > target ? 0.5 : 2
        r = rise(step)
        tries += 1
      }
      guard r.isFinite, r > 0 else { return nil }
      h[k] = step
    }
    var hessian = [[Double]](repeating: [0, 0, 0], count: 3)
    for a in 0..<3 {
      hessian[a][a] = (s(axis(a, h[a])) - 2 * sMin + s(axis(a, -h[a]))) / (h[a] * h[a])
      for b in 0..<a {
        func at(_ sa: Double, _ sb: Double) -> Double {
          s((0..<3).map { $0 == a ? sa * h[a] : $0 == b ? sb * h[b] : 0 })
        }
        let mixed = (at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * h[a] * h[b])
        hessian[a][b] = mixed
        hessian[b][a] = mixed
      }
    }
    guard let inverse = invertSymmetric3(hessian) else { return nil }
    // Sandwich: Cov = H⁻¹·J·H⁻¹ with J = Cov(∇S) under the data noise, estimated from the
    // finite-difference gradients of S on curves perturbed by N(0, dy²) noise.
    var random = ScalingRandom(seed: 0x5EED)
    var gradients: [[Double]] = []
    for _ in 0..<noiseDraws {
      let perturbed = curves.map { c -> CollapseCurve in
        var p = c
        p.y = zip(c.y, c.errors).map { $0 + $1 * random.normal() }
        return p
      }
      func sp(_ offset: [Double]) -> Double {
        let v = zip(centre, offset).map { $0 + $1 }
        return CollapseQuality(curves: perturbed, parameters: CollapseParameters(v), referenceSize: referenceSize).value
      }
      gradients.append((0..<3).map { k in (sp(axis(k, h[k])) - sp(axis(k, -h[k]))) / (2 * h[k]) })
    }
    let meanGradient = (0..<3).map { k in gradients.reduce(0) { $0 + $1[k] } / Double(noiseDraws) }
    var j = [[Double]](repeating: [0, 0, 0], count: 3)
    for g in gradients {
      for a in 0..<3 {
        for b in 0..<3 { j[a][b] += (g[a] - meanGradient[a]) * (g[b] - meanGradient[b]) / Double(noiseDraws - 1) }
      }
    }
    let variances = (0..<3).map { k in
      var v = 0.0
      for a in 0..<3 {
        for b in 0..<3 { v += inverse[k][a] * j[a][b] * inverse[b][k] }
      }
      return v * sMin
    }
    guard variances.allSatisfy({ $0 > 0 && $0.isFinite }) else { return nil }
    return variances.map(sqrt)
  }

  /// Noise draws for the sandwich estimate of the curvature errors.
  static let noiseDraws = 16

  /// The inverse of a symmetric positive-definite 3×3 matrix by cofactors; nil when not positive
  /// definite (a leading minor ≤ 0).
  static func invertSymmetric3(_ m: [[Double]]) -> [[Double]]? {
    let c00 = m[1][1] * m[2][2] - m[1][2] * m[2][1]
    let c01 = m[1][2] * m[2][0] - m[1][0] * m[2][2]
    let c02 = m[1][0] * m[2][1] - m[1][1] * m[2][0]
    let det = m[0][0] * c00 + m[0][1] * c01 + m[0][2] * c02
    let minor2 = m[0][0] * m[1][1] - m[0][1] * m[1][0]
    guard m[0][0] > 0, minor2 > 0, det > 0, det.isFinite else { return nil }
    let c11 = m[0][0] * m[2][2] - m[0][2] * m[2][0]
    let c12 = m[0][2] * m[1][0] - m[0][0] * m[1][2]
    let c22 = minor2
    return [[c00 / det, c01 / det, c02 / det], [c01 / det, c11 / det, c12 / det], [c02 / det, c12 / det, c22 / det]]
  }
}
