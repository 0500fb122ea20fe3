/// A condition under which a group's geometry should not be trusted as is; ``message`` is the line the
/// caller prints.
public enum GeometryWarning: Sendable, Equatable, CustomStringConvertible {
  /// More than 1% of a group's mass fell outside a bounded grid at some step (largest share and its step).
  case massOutsideGrid(group: String, step: Int, mass: Double)
  /// Naive and debiased L differ by more than 20% of the debiased L: binning noise dominates the naive one.
  case estimatorsDisagree(group: String, naive: Double, debiased: Double)
  /// L at K/4 and at 4K bins differ by more than 20%: the estimate depends on the resolution.
  case resolutionSensitive(group: String, coarse: Double, fine: Double)

  /// Threshold on the out-of-grid mass.
  public static let outsideMassThreshold = 0.01
  /// Threshold on relative differences of L.
  public static let relativeDifferenceThreshold = 0.2

  /// One line naming the group, the numbers and the threshold.
  public var message: String {
    switch self {
    case .massOutsideGrid(let g, let s, let m):
      "group \(g): \(percent(m)) of the values fell outside the histogram grid at step \(s) (threshold 1%); widen the grid or use the lattice"
    case .estimatorsDisagree(let g, let n, let d):
      "group \(g): naive L = \(n) and debiased L = \(d) differ by more than 20%; binning noise dominates the naive estimate"
    case .resolutionSensitive(let g, let c, let f):
      "group \(g): L = \(c) at K/4 bins and \(f) at 4K bins differ by more than 20%; L depends on the resolution"
    }
  }

  public var description: String { message }

  private func percent(_ x: Double) -> String { "\((x * 1000).rounded() / 10)%" }

  /// Whether `a` and `b` differ by more than ``relativeDifferenceThreshold`` of `reference`.
  static func differ(_ a: Double, _ b: Double, reference: Double) -> Bool {
    reference > 0 && abs(a - b) > relativeDifferenceThreshold * reference
  }
}
