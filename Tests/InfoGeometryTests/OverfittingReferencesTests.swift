import Foundation
import Testing

@testable import InfoGeometry

@Suite("OverfittingReferences")
struct OverfittingReferencesTests {
  /// Hand-built metrics at log-spaced steps 10^(k/4), k = 0…16, with known answers:
  /// test loss a parabola in k with its minimum at k = 8 (t = 100); test accuracy peaked at k = 6;
  /// training accuracy reaching 0.995 for good at k = 10 (after a brief touch at k = 7); training
  /// loss 2·10^(−k/4), first ≤ 1% of its start at k = 8; gap = testLoss − trainLoss.
  static func metrics() throws -> TrainingMetricsSeries {
    let k = (0...16).map(Double.init)
    let steps = k.map { pow(10, $0 / 4) }
    let trainLoss = k.map { 2 * pow(10, -$0 / 4) }
    let testLoss = k.map { 0.5 + 0.01 * ($0 - 8) * ($0 - 8) }
    let testAccuracy = k.map { 0.9 - 0.005 * ($0 - 6) * ($0 - 6) }
    let trainAccuracy = k.map { v -> Double in v == 7 ? 0.996 : (v >= 10 ? 0.999 : 0.9 + 0.005 * v) }
    return try TrainingMetricsSeries(
      steps: steps, trainLoss: trainLoss, trainAccuracy: trainAccuracy, testLoss: testLoss,
      testAccuracy: testAccuracy)
  }

  @Test("reference points on hand-built series with known answers")
  func knownAnswers() throws {
    let metrics = try Self.metrics()
    let refs = try OverfittingReferences(metrics, options: .init(smoothingWindow: 3))
    func step(_ k: Double) -> Double { pow(10, k / 4) }
    // A 3-point moving average of a parabola is the parabola plus a constant: the extrema stay.
    #expect(refs.step(of: .testLossMinimum) == step(8))
    #expect(refs.step(of: .testAccuracyMaximum) == step(6))
    #expect(refs.step(of: .trainAccuracySaturation) == step(10))
    // 2·10^(−k/4) ≤ 0.02 first at k = 8 and stays there.
    #expect(refs.step(of: .trainLossSaturation) == step(8))
    // The gap 0.5 + 0.01(k − 8)² − 2·10^(−k/4) is smallest at k = 0 (−0.86, unsmoothed at the end)
    // and ends at 1.14; the onset level −0.86 + 0.1·2.0 = −0.66 holds from k = 1 (−0.26 smoothed).
    #expect(refs.step(of: .trainTestGapOnset) == step(1))
    #expect(refs.points.map(\.kind) == OverfittingReferences.Kind.allCases)
  }

  @Test("gap onset: a gap flat at zero that grows linearly from k = 8 starts growing at k = 9")
  func gapOnset() throws {
    let k = (0...16).map(Double.init)
    let gap = k.map { max(0, $0 - 8) * 0.1 }
    let accuracy = k.map { _ in 0.5 }
    let metrics = try TrainingMetricsSeries(
      steps: k.map { pow(10, $0 / 4) }, trainLoss: k.map { _ in 0.1 }, trainAccuracy: accuracy,
      testLoss: gap.map { 0.1 + $0 }, testAccuracy: accuracy)
    let refs = try OverfittingReferences(metrics, options: .init(smoothingWindow: 1))
    // g_min = 0, g_end = 0.8, level 0.08: first reached (and held) at k = 9 where g = 0.1.
    #expect(refs.step(of: .trainTestGapOnset) == pow(10, 9.0 / 4))
    let strict = try OverfittingReferences(metrics, options: .init(smoothingWindow: 1, minimumGapGrowth: 1))
    #expect(strict.step(of: .trainTestGapOnset) == nil)
  }

  @Test("criteria never met are absent; an even smoothing window is rejected")
  func absent() throws {
    let steps: [Double] = [1, 10, 100, 1000]
    let flat: [Double] = [1, 1, 1, 1]
    let metrics = try TrainingMetricsSeries(
      steps: steps, trainLoss: flat, trainAccuracy: [0.5, 0.6, 0.999, 0.7], testLoss: [1, 1, 1, 0.5],
      testAccuracy: [0.1, 0.2, 0.3, 0.4])
    let refs = try OverfittingReferences(metrics, options: .init(smoothingWindow: 1))
    #expect(refs.step(of: .trainAccuracySaturation) == nil)
    #expect(refs.step(of: .trainLossSaturation) == nil)
    #expect(refs.step(of: .trainTestGapOnset) == nil)
    #expect(refs.step(of: .testLossMinimum) == 1000)
    #expect(
      throws: TransitionError.invalidOption(name: "smoothingWindow", expected: "an odd count ≥ 1", found: 4)
    ) {
      try OverfittingReferences(metrics, options: .init(smoothingWindow: 4))
    }
  }

  @Test("moving average shortens symmetrically at the ends; firstHolding finds the last stretch")
  func helpers() {
    #expect(OverfittingReferences.movingAverage([1, 2, 6, 4, 5], halfWidth: 1) == [1, 3, 4, 5, 5])
    #expect(OverfittingReferences.firstHolding([true, false, true, true]) == 2)
    #expect(OverfittingReferences.firstHolding([true, true, false]) == nil)
  }
}
