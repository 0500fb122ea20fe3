/// Information velocity and length with the binning noise removed by the split-half cross estimator.
///
/// Per step i, ``HistogramStep`` gives the naive χ²_i (≈ d_i², noise counted twice) and the cross term
/// χ²_AB,i whose mean is the noise-free squared change. A single step's cross term is noisy and may be
/// negative, so it is never rooted alone: over a trailing window of the last W steps (W = ``window``,
/// fewer at the start) the *signal share*
/// ```
/// s_i = clamp( Σ_window χ²_AB / Σ_window χ², 0, 1 )
/// ```
/// is formed from the sums, and the step's squared distance is the signal part of its χ²:
/// ```
/// Γ_i = √(s_i · χ²_i) / Δt_i,     L(t_n) = Σ_{i≤n} Γ_i Δt_i
/// ```
/// χ² rather than the Fisher–Rao d² is scaled because the cross term estimates the signal part of χ²: the
/// two agree for small steps (d² = χ² + O(d⁴)), but binning noise in sparse tail bins weighs more in d²
/// (whose weight 4/(√P + √Q)² exceeds χ²'s 2/(P + Q)), so scaling d would leave part of the noise in. Per-step
/// distances of training are small; for steps with d ≳ 0.5 use the naive or Gaussian estimate.
/// The share changes slowly even when Γ does not (both χ² terms scale with the step), so the trailing window
/// adds no lag to Γ itself, and L stays non-decreasing. Clamping the windowed share (not each step) keeps
/// the estimate honest where the signal is weak: a pure-noise window gives a share near 0, with a small
/// positive bias from the clamp at 0. The per-step ``noiseShare`` `1 − χ²_AB,i / χ²_i` is reported raw.
/// When a group has an empty half (at most 16 values), the share is 1 and the path equals the naive one.
public struct DebiasedPath: Sendable, Equatable {
  /// Number of steps W in the trailing window of the signal share.
  public let window: Int
  /// L of the debiased estimate.
  public private(set) var length: Double = 0
  /// Γ of the latest step.
  public private(set) var velocity: Double = .nan
  /// Per-step noise share `1 − χ²_AB/χ²` of the latest step (NaN when χ² = 0 or no split is possible).
  public private(set) var noiseShare: Double = .nan
  /// Windowed signal share s of the latest step, in [0, 1].
  public private(set) var signalShare: Double = 1
  private var chiSquares: [Double] = []
  private var crossChiSquares: [Double] = []
  private var next = 0

  /// An empty path whose signal share is taken over the last `window` steps (at least 1).
  public init(window: Int) { self.window = max(1, window) }

  /// Adds one step covering `interval` optimizer steps.
  public mutating func append(_ step: HistogramStep, interval: Int) {
    let dt = Double(max(interval, 1))
    guard let cross = step.crossChiSquare else {
      noiseShare = .nan
      signalShare = 1
      velocity = step.fisherRao / dt
      length += step.fisherRao
      return
    }
    if chiSquares.count < window {
      chiSquares.append(step.chiSquare)
      crossChiSquares.append(cross)
    } else {
      chiSquares[next] = step.chiSquare
      crossChiSquares[next] = cross
      next = (next + 1) % window
    }
    noiseShare = step.chiSquare > 0 ? 1 - cross / step.chiSquare : .nan
    let total = chiSquares.reduce(0, +)
    signalShare = total > 0 ? min(1, max(0, crossChiSquares.reduce(0, +) / total)) : 1
    let distance = (signalShare * step.chiSquare).squareRoot()
    velocity = distance / dt
    length += distance
  }
}
