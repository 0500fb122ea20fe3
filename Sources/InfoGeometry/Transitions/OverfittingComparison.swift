import Foundation

/// The marker's position relative to each overfitting reference point, in decades of t:
/// Δ = log₁₀(t_c / t_ref) (negative: the marker comes first).
public struct OverfittingComparison: Codable, Sendable, Equatable {
  /// One offset.
  public struct Offset: Codable, Sendable, Equatable {
    /// The reference criterion.
    public var kind: OverfittingReferences.Kind
    /// t_ref.
    public var referenceStep: Double
    /// Δ = log₁₀(t_c / t_ref).
    public var deltaDecades: Double
  }

  /// t_c.
  public var markerStep: Double
  /// The reference points compared against.
  public var references: OverfittingReferences
  /// One offset per reference point, in the order of `references.points`.
  public var offsets: [Offset]

  /// Compares a marker step with the reference points.
  public init(markerStep: Double, references: OverfittingReferences) {
    self.markerStep = markerStep
    self.references = references
    offsets = references.points.map {
      Offset(kind: $0.kind, referenceStep: $0.step, deltaDecades: log10(markerStep / $0.step))
    }
  }

  /// Compares the analysis's marker with the reference points; nil when there is no marker.
  public init?(_ analysis: TransitionAnalysis, references: OverfittingReferences) {
    guard let marker = analysis.marker else { return nil }
    self.init(markerStep: marker.step, references: references)
  }
}
