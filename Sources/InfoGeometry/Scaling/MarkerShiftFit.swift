import Foundation

/// The drift of the marker with size: log t_c(N) = log t_c(∞) + c·N^(−1/ν), fitted by weighted
/// least squares to the per-size mean log t_c.
///
/// For each ν the model is linear in (log t_c(∞), c), solved in closed form; ν is found by a scan
/// of 97 values log-spaced over [0.1, 20] and a golden-section refinement of ln ν around the best.
/// The weights are 1/se², se the standard error of the mean log t_c over seeds (unit weights when
/// any size lacks one). The logarithm is that of `ScalingOptions.logBase`. Errors: bootstrap
/// only (`standardError` is nil): the fit is repeated on per-size means of resampled seeds.
public struct MarkerShiftFit: Codable, Sendable, Equatable {
  /// log t_c(∞).
  public var logCriticalStep: ScalingEstimate
  /// c, the amplitude of the correction (in log units at N = 1).
  public var amplitude: ScalingEstimate
  /// ν of the correction N^(−1/ν).
  public var nu: ScalingEstimate
  /// χ² of the fit (weighted sum of squared residuals in log t_c).
  public var chiSquare: Double
  /// True when the fit used the per-size errors as weights.
  public var isWeighted: Bool

  /// The range searched for ν.
  public static let nuRange = 0.1...20.0

  /// The point estimate: log t_c(∞), c, ν and χ².
  struct Solution {
    var logCriticalStep: Double
    var amplitude: Double
    var nu: Double
    var chiSquare: Double
  }

  /// The best fit over ν, or nil with fewer than three sizes.
  static func solve(sizes: [Double], logMarkers: [Double], weights: [Double]?) -> Solution? {
    guard Set(sizes).count >= 3 else { return nil }
    let reference = exp(sizes.map { Foundation.log($0) }.reduce(0, +) / Double(sizes.count))
    func fit(_ lnNu: Double) -> Solution? {
      let nu = exp(lnNu)
      let u = sizes.map { pow($0 / reference, -1 / nu) }
      let line = WeightedLineFit(x: u, y: logMarkers, weights: weights)
      guard line.isDetermined else { return nil }
      let chiSquare = u.indices.reduce(0.0) { s, k in
        let r = logMarkers[k] - line.intercept - line.slope * u[k]
        return s + (weights?[k] ?? 1) * r * r
      }
      let amplitude = line.slope * pow(reference, 1 / nu)
      guard chiSquare.isFinite, amplitude.isFinite else { return nil }
      return Solution(logCriticalStep: line.intercept, amplitude: amplitude, nu: nu, chiSquare: chiSquare)
    }
    let lo = Foundation.log(nuRange.lowerBound)
    let hi = Foundation.log(nuRange.upperBound)
    let count = 97
    let grid = (0..<count).map { lo + (hi - lo) * Double($0) / Double(count - 1) }
    let scan = grid.map(fit)
    let found = scan.enumerated().compactMap { k, s in s.map { (index: k, solution: $0) } }
    guard let (best, scanBest) = found.min(by: { $0.solution.chiSquare < $1.solution.chiSquare }) else {
      return nil
    }
    // Golden-section search of χ²(ln ν) on the bracket of the best scan point's neighbours.
    var a = grid[max(0, best - 1)]
    var b = grid[min(count - 1, best + 1)]
    let g = (sqrt(5.0) - 1) / 2
    func chi(_ t: Double) -> Double { fit(t)?.chiSquare ?? .infinity }
    var c = b - g * (b - a)
    var d = a + g * (b - a)
    var fc = chi(c)
    var fd = chi(d)
    for _ in 0..<40 {
      if fc < fd {
        (b, d, fd) = (d, c, fc)
        c = b - g * (b - a)
        fc = chi(c)
      } else {
        (a, c, fc) = (c, d, fd)
        d = a + g * (b - a)
        fd = chi(d)
      }
    }
    let refined = fit(fc < fd ? c : d)
    return refined.map { $0.chiSquare <= scanBest.chiSquare ? $0 : scanBest } ?? scanBest
  }

  /// The fit with its bootstrap replicates.
  init(_ solution: Solution, replicates: [Solution], isWeighted: Bool) {
    logCriticalStep = ScalingEstimate(
      value: solution.logCriticalStep, replicates: replicates.map(\.logCriticalStep))
    amplitude = ScalingEstimate(value: solution.amplitude, replicates: replicates.map(\.amplitude))
    nu = ScalingEstimate(value: solution.nu, replicates: replicates.map(\.nu))
    chiSquare = solution.chiSquare
    self.isWeighted = isWeighted
  }
}
