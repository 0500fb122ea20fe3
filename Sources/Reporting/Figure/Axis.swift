import Foundation

/// How data values map to positions along an axis.
public enum AxisScale: Sendable, Hashable {
  /// Position proportional to the value.
  case linear
  /// Position proportional to log₁₀ of the value; values ≤ 0 (and non-finite ones) have no position
  /// and are skipped.
  case log10

  /// The value in the scale's own coordinate (the value itself, or log₁₀ of it), or nil where the
  /// value has no position on this scale (non-finite, or ≤ 0 on a log scale).
  public func transform(_ value: Double) -> Double? {
    guard value.isFinite else { return nil }
    switch self {
    case .linear: return value
    case .log10: return value > 0 ? Foundation.log10(value) : nil
    }
  }

  /// The inverse of `transform`.
  public func value(atTransformed u: Double) -> Double {
    switch self {
    case .linear: return u
    case .log10: return Foundation.pow(10, u)
    }
  }
}

/// One axis of a figure: its label, scale and (optionally) the data range it shows.
public struct Axis: Sendable, Hashable {
  /// The label under the x axis or beside the y axis, with units, e.g. "step t" or "information length L".
  public var label: String
  /// Linear or log₁₀.
  public var scale: AxisScale
  /// The shown range in data units (`lower < upper`, both > 0 on a log axis); nil fits the data.
  /// An invalid explicit range is ignored and the data range used instead.
  public var range: ClosedRange<Double>?

  /// An axis; `Axis("step t", scale: .log10)`.
  public init(_ label: String, scale: AxisScale = .linear, range: ClosedRange<Double>? = nil) {
    self.label = label
    self.scale = scale
    self.range = range
  }
}
