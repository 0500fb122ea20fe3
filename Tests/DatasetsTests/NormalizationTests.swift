import TensorCore
import Testing

@testable import Datasets

@Suite("Normalization")
struct NormalizationTests {
  /// A 3-channel dataset whose channels have very different scales and offsets.
  static func dataset(count: Int, seed: UInt64) -> ImageDataset {
    var random = RandomGenerator(seed: seed)
    let plane = 16
    var values: [Float] = []
    for _ in 0..<count {
      for (offset, scale) in [(0.5, 0.1), (-3.0, 2.0), (100.0, 0.01)] {
        values += (0..<plane).map { _ in Float(offset + scale * random.normal()) }
      }
    }
    return ImageDataset(
      name: "scales", images: Tensor(values, shape: [count, 3, 4, 4]),
      labels: [Int32](repeating: 0, count: count),
      classCount: 1)
  }

  /// Mean and population deviation of one channel, computed directly (the oracle).
  static func moments(_ dataset: ImageDataset, channel: Int) -> (mean: Double, deviation: Double) {
    let plane = dataset.height * dataset.width
    var values: [Double] = []
    for sample in 0..<dataset.count {
      let start = (sample * dataset.channels + channel) * plane
      values += (start..<(start + plane)).map { Double(dataset.images[$0]) }
    }
    let mean = values.reduce(0, +) / Double(values.count)
    let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
    return (mean, variance.squareRoot())
  }

  @Test("fitted on a training set, apply gives each channel mean ≈ 0 and std ≈ 1")
  func standardises() {
    let train = Self.dataset(count: 200, seed: 1)
    let normalization = Normalization(fitting: train)
    #expect(abs(normalization.mean[1] - -3) < 0.05 && abs(normalization.standardDeviation[1] - 2) < 0.05)
    normalization.apply(to: train)
    for channel in 0..<3 {
      let (mean, deviation) = Self.moments(train, channel: channel)
      // Float32 storage: after (x − μ)/σ each value carries a relative rounding error ≲ 1e-6 of its
      // pre-normalisation magnitude over σ (at most 100/0.01 = 1e4 for channel 2), so ≈ 1e-2 absolute
      // in the worst case per value, averaging down over 3200 values; 1e-3 on the moments is safe.
      #expect(abs(mean) < 1e-3)
      #expect(abs(deviation - 1) < 1e-3)
    }
  }

  @Test("the same statistics are applied to a test set, which is then only approximately standard")
  func appliesTrainStatistics() {
    let normalization = Normalization(fitting: Self.dataset(count: 200, seed: 1))
    let test = Self.dataset(count: 200, seed: 2)
    normalization.apply(to: test)
    let (mean, deviation) = Self.moments(test, channel: 1)
    // Sampling error of an independent draw of 3200 normals: ≈ 1/√3200 ≈ 0.018 in mean and ≈ 0.013
    // in deviation; 0.1 is over 5 standard errors, yet the statistics are not recomputed (≠ 0 exactly).
    #expect(abs(mean) < 0.1 && abs(deviation - 1) < 0.1)
    #expect(mean != 0)
  }

  @Test("a constant channel is centred and left unscaled")
  func constantChannel() {
    let dataset = ImageDataset(
      name: "flat", images: Tensor(repeating: 0.25, shape: [2, 1, 2, 2]), labels: [0, 0], classCount: 1)
    let normalization = Normalization(fitting: dataset)
    #expect(normalization.mean == [0.25] && normalization.standardDeviation == [1])
    normalization.apply(to: dataset)
    #expect(dataset.images.array == [Float](repeating: 0, count: 8))
  }
}
