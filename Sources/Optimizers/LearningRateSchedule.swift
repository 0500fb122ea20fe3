import Foundation

/// A learning rate as a function of the 0-based optimizer step: a plain closure, `(Int) -> Double`.
public typealias LearningRateSchedule = @Sendable (Int) -> Double

/// The schedules `infogeo` offers, in PyTorch's conventions but counted in optimizer steps.
public enum LearningRateSchedules {
  /// η(t) = η₀.
  public static func constant(_ rate: Double) -> LearningRateSchedule { { _ in rate } }

  /// η(t) = η₀ · γ^⌊t / every⌋ (PyTorch's `StepLR`).
  public static func step(_ rate: Double, every: Int, gamma: Double) -> LearningRateSchedule {
    let every = max(1, every)
    return { t in rate * pow(gamma, Double(t / every)) }
  }

  /// η(t) = η_min + (η₀ − η_min)·(1 + cos(π·t/T))/2 for t ≤ T, η_min after (PyTorch's
  /// `CosineAnnealingLR` without restarts, T = `steps`).
  public static func cosine(_ rate: Double, steps: Int, minimum: Double = 0) -> LearningRateSchedule {
    let total = Double(max(1, steps))
    return { t in
      let progress = min(Double(t), total) / total
      return minimum + (rate - minimum) * (1 + cos(Double.pi * progress)) / 2
    }
  }
}
