import Foundation

/// Tick positions and labels: "nice" numbers for linear axes, decades for log axes.
public enum Ticks {
  /// The 1-2-5 step nearest to `span / targetCount`: a value in {1, 2, 5} × 10ᵏ (Heckbert,
  /// "Nice numbers for graph labels", Graphics Gems 1990; the raw step is rounded to 1 below 1.5,
  /// to 2 below 3, to 5 below 7, else to 10). Returns 1 for a non-positive or non-finite span.
  public static func niceStep(span: Double, targetCount: Int) -> Double {
    let raw = span / Double(max(targetCount, 1))
    guard raw.isFinite, raw > 0 else { return 1 }
    let exponent = Foundation.floor(Foundation.log10(raw))
    let magnitude = Foundation.pow(10, exponent)
    let fraction = raw / magnitude
    let nice: Double = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
    return nice * magnitude
  }

  /// Major ticks at the multiples of `niceStep(span:targetCount:)` inside `range` (inclusive, with a
  /// relative slack of 1e-9 of a step so that end points computed in floating point still count).
  /// Labels use the step's number of decimals (step 0.5 → "1.5", step 20 → "40"); when the step is
  /// below 10⁻³ or a value reaches 10⁵ they are written in e-notation with a shared exponent ("2e-5").
  public static func linear(in range: ClosedRange<Double>, targetCount: Int = 6) -> [Tick] {
    let low = range.lowerBound
    let high = range.upperBound
    guard low.isFinite, high.isFinite, high > low else { return [] }
    let step = niceStep(span: high - low, targetCount: targetCount)
    let first = Foundation.ceil(low / step - 1e-9)
    let last = Foundation.floor(high / step + 1e-9)
    guard last >= first, last - first < 1000 else { return [] }
    let values = stride(from: first, through: last, by: 1).map { $0 * step }
    let stepExponent = Int(Foundation.floor(Foundation.log10(step) + 1e-9))
    let largest = values.map(abs).max() ?? 0
    let useExponent = stepExponent < -3 || largest >= 1e5
    let valueExponent = largest > 0 ? Int(Foundation.floor(Foundation.log10(largest) + 1e-9)) : 0
    return values.map { value in
      let text: String
      if value == 0 {
        text = "0"
      } else if useExponent {
        let mantissa = value / Foundation.pow(10, Double(valueExponent))
        text =
          NumberFormat.fixed(mantissa, decimals: max(0, valueExponent - stepExponent)) + "e\(valueExponent)"
      } else {
        text = NumberFormat.fixed(value, decimals: max(0, -stepExponent))
      }
      return Tick(value: value, label: .text(text), isMajor: true)
    }
  }

  /// Ticks for a log₁₀ axis over `range` (both bounds > 0): major ticks at powers of ten labelled 10ᵏ
  /// (every d-th decade, d the smallest step giving at most `maximumMajorCount` majors), minor ticks
  /// at 2…9 × 10ᵏ when every decade is labelled (at the skipped decades otherwise). A range holding
  /// fewer than two powers of ten gets labelled linear nice ticks instead (positive ones only).
  public static func log10(in range: ClosedRange<Double>, maximumMajorCount: Int = 8) -> [Tick] {
    let low = range.lowerBound
    let high = range.upperBound
    guard low.isFinite, high.isFinite, low > 0, high > low else { return [] }
    let u0 = Foundation.log10(low)
    let u1 = Foundation.log10(high)
    let kMin = Int(Foundation.ceil(u0 - 1e-9))
    let kMax = Int(Foundation.floor(u1 + 1e-9))
    guard kMax - kMin >= 1 else {
      return linear(in: range).filter { $0.value > 0 }
    }
    let decadeStep = max(1, Int(Foundation.ceil(Double(kMax - kMin + 1) / Double(max(maximumMajorCount, 1)))))
    func inRange(_ v: Double) -> Bool { v >= low * (1 - 1e-9) && v <= high * (1 + 1e-9) }
    var ticks: [Tick] = []
    for k in (kMin - 1)...kMax {
      let decade = Foundation.pow(10, Double(k))
      let isMajor = ((k % decadeStep) + decadeStep) % decadeStep == 0
      if k >= kMin {
        ticks.append(Tick(value: decade, label: isMajor ? .powerOfTen(k) : .none, isMajor: isMajor))
      }
      if decadeStep == 1 {
        for m in 2...9 {
          let v = Double(m) * decade
          if inRange(v) { ticks.append(Tick(value: v, label: .none, isMajor: false)) }
        }
      }
    }
    return ticks
  }

  /// The ticks for `scale` over `range`: `linear(in:)` or `log10(in:)`.
  public static func ticks(for scale: AxisScale, in range: ClosedRange<Double>) -> [Tick] {
    switch scale {
    case .linear: return linear(in: range)
    case .log10: return log10(in: range)
    }
  }
}
