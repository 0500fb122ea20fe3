import Foundation

/// Keeps at most `limit` histograms of a run at log-spaced steps, however long the run.
///
/// A step t ≥ 1 has log-index `⌊ρ·log₁₀ t⌋` at density ρ snapshots per decade (ρ starts at 16); a snapshot
/// is kept when its log-index exceeds the last kept one. When the archive would exceed `limit`, ρ is halved
/// and only the first snapshot of each coarser log-index is kept, so the kept steps stay log-spaced and
/// their count stays between `limit/2` and `limit`. Steps below 1 count as log-index −∞ (only a first
/// snapshot is kept).
struct HistogramArchive: Sendable {
  let limit: Int
  private(set) var entries: [StoredHistogram] = []
  private var density: Double = 16
  private var lastIndex: Int? = nil

  init(limit: Int) { self.limit = limit }

  private func logIndex(_ step: Int) -> Int {
    step >= 1 ? Int((density * log10(Double(step))).rounded(.down)) : Int.min
  }

  /// Whether a snapshot at `step` would be kept.
  func wants(step: Int) -> Bool {
    guard limit > 0 else { return false }
    guard let last = lastIndex else { return true }
    return logIndex(step) > last
  }

  /// Adds `histogram` (the caller checked ``wants(step:)``) and thins the archive if it is full.
  mutating func add(_ histogram: StoredHistogram) {
    entries.append(histogram)
    lastIndex = logIndex(histogram.step)
    while entries.count > limit {
      density /= 2
      var kept: [StoredHistogram] = []
      var previous: Int? = nil
      for e in entries {
        let i = logIndex(e.step)
        if previous == nil || i > previous! {
          kept.append(e)
          previous = i
        }
      }
      entries = kept
      lastIndex = previous
    }
  }
}
