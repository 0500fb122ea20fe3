import Foundation

/// A tick mark on an axis.
public struct Tick: Sendable, Hashable {
  /// How a tick is labelled.
  public enum Label: Sendable, Hashable {
    /// No label (a minor tick).
    case none
    /// Plain text, e.g. "0.5", "200", "2e-5".
    case text(String)
    /// A power of ten 10ᵏ, rendered as 10 with a superscript exponent.
    case powerOfTen(Int)
  }

  /// The position in data units.
  public var value: Double
  /// The label drawn at the tick.
  public var label: Label
  /// Major ticks carry labels and strong gridlines; minor ticks are short and have faint gridlines.
  public var isMajor: Bool

  /// A tick at `value` (data units).
  public init(value: Double, label: Label, isMajor: Bool) {
    self.value = value
    self.label = label
    self.isMajor = isMajor
  }
}
