import TensorCore

/// Per-channel standardisation of images: x ← (x − μ_c) / σ_c.
///
/// μ_c and σ_c come from a training set (``init(fitting:)``) and are then applied unchanged to the
/// training, validation and test sets alike, so no statistic of held-out data leaks into training.
public struct Normalization: Sendable, Equatable, Codable {
  /// μ_c, one per channel.
  public let mean: [Float]
  /// σ_c, one per channel, each positive.
  public let standardDeviation: [Float]

  public init(mean: [Float], standardDeviation: [Float]) {
    precondition(mean.count == standardDeviation.count, "Normalization: mean and deviation lengths differ")
    self.mean = mean
    self.standardDeviation = standardDeviation
  }

  /// The mean and population standard deviation of each channel over every pixel of every image:
  ///
  /// ```
  /// μ_c = (1/M) Σ x,   σ_c = √((1/M) Σ (x − μ_c)²),   M = count × height × width
  /// ```
  /// accumulated in `Double`, two passes (mean first) for accuracy. A constant channel (σ_c = 0)
  /// gets σ_c = 1, so it is only centred.
  public init(fitting dataset: ImageDataset) {
    let plane = dataset.height * dataset.width
    let channels = dataset.channels
    var sums = [Double](repeating: 0, count: channels)
    var squares = [Double](repeating: 0, count: channels)
    let pointer = dataset.images.pointer
    func forEachPlane(_ body: (Int, UnsafeBufferPointer<Float>) -> Void) {
      for sample in 0..<dataset.count {
        for channel in 0..<channels {
          let start = pointer + (sample * channels + channel) * plane
          body(channel, UnsafeBufferPointer(start: start, count: plane))
        }
      }
    }
    forEachPlane { channel, values in sums[channel] += values.reduce(0) { $0 + Double($1) } }
    let samples = Double(max(1, dataset.count * plane))
    let means = sums.map { $0 / samples }
    forEachPlane { channel, values in
      let mean = means[channel]
      squares[channel] += values.reduce(0) { $0 + (Double($1) - mean) * (Double($1) - mean) }
    }
    self.init(
      mean: means.map { Float($0) },
      standardDeviation: squares.map { variance in
        let deviation = Float((variance / samples).squareRoot())
        return deviation > 0 ? deviation : 1
      })
  }

  /// Standardises `dataset.images` in place (every holder of the tensor sees the change).
  /// The dataset must have `mean.count` channels.
  public func apply(to dataset: ImageDataset) {
    precondition(
      dataset.channels == mean.count, "Normalization of \(mean.count) channels applied to \(dataset.channels)"
    )
    let plane = dataset.height * dataset.width
    let channels = mean.count
    let scales = standardDeviation.map { 1 / $0 }
    let offsets = mean
    nonisolated(unsafe) let pointer = dataset.images.pointer
    Parallel.forChunks(of: dataset.count * channels) { planes in
      for planeIndex in planes {
        let channel = planeIndex % channels
        let (offset, scale) = (offsets[channel], scales[channel])
        let start = pointer + planeIndex * plane
        for index in 0..<plane { start[index] = (start[index] - offset) * scale }
      }
    }
  }
}
