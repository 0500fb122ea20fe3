import Foundation

/// How far the marker moves when the regularization changes.
public struct MarkerStability: Codable, Sendable, Equatable {
  /// One recomputation of the marker.
  public struct Variant: Codable, Sendable, Equatable {
    /// "strength/3", "strength×3" (with the configured factor) or "alternate method".
    public var label: String
    /// The method used.
    public var method: DifferentiationMethod
    /// The strength used.
    public var strength: Double
    /// The step of that estimate's most pronounced minimum; nil if it has none.
    public var step: Double?
  }

  /// The recomputations, in the order: strength/f, strength×f, alternate method.
  public var variants: [Variant]
  /// max − min of log₁₀(step) over the marker and every variant that found a minimum.
  public var spreadDecades: Double
}
