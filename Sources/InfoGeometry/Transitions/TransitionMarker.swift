/// The transition marker t_c: the most pronounced minimum of y″ = d²(ln L)/d(ln t)² after the
/// burn-in, with its stability under changes of the regularization.
public struct TransitionMarker: Codable, Sendable, Equatable {
  /// Why a marker is flagged weak.
  public enum Weakness: String, Codable, Sendable, Equatable {
    /// The stability spread exceeds `TransitionAnalysisOptions.maximumSpreadDecades`.
    case unstable
    /// The significance is below `TransitionAnalysisOptions.minimumSignificance`.
    case lowSignificance
    /// A stability variant found no minimum at all.
    case variantWithoutMinimum
  }

  /// The minimum (step, depth, width, significance).
  public var minimum: SecondDerivativeMinimum
  /// The marker recomputed with other strengths and another method.
  public var stability: MarkerStability
  /// True when any `weaknesses` apply; the marker is reported either way.
  public var isWeak: Bool
  /// The reasons for `isWeak`, empty for a firm marker.
  public var weaknesses: [Weakness]

  /// t_c, the step of the marker.
  public var step: Double { minimum.step }
}
