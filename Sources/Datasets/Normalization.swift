import Dispatch
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
  /// accumulated in `Double`, two passes (mean first) for accuracy. Each image plane is summed on
  /// its own (in parallel) and the plane sums are added in a fixed order, so the result does not
  /// depend on the number of cores. A constant channel (σ_c = 0) gets σ_c = 1: it is only centred.
  public init(fitting dataset: ImageDataset) {
    let samples = Double(max(1, dataset.count * dataset.height * dataset.width))
    let means = Self.channelTotals(dataset, squaredAbout: nil).map { $0 / samples }
    let squares = Self.channelTotals(dataset, squaredAbout: means)
    self.init(
      mean: means.map { Float($0) },
      standardDeviation: squares.map { total in
        let deviation = Float((total / samples).squareRoot())
        return deviation > 0 ? deviation : 1
      })
  }

  /// Per channel, Σ x over every plane of that channel, or Σ (x − m_c)² when `means` are given.
  private static func channelTotals(_ dataset: ImageDataset, squaredAbout means: [Double]?) -> [Double] {
    let channels = dataset.channels
    var planeTotals = [Double](repeating: 0, count: dataset.count * channels)
    planeTotals.withUnsafeMutableBufferPointer { totals in
      nonisolated(unsafe) let totals = totals
      forEachPlane(of: dataset) { planeIndex, values in
        var total = 0.0
        if let means {
          let mean = means[planeIndex % channels]
          for value in values {
            let deviation = Double(value) - mean
            total += deviation * deviation
          }
        } else {
          for value in values { total += Double(value) }
        }
        totals[planeIndex] = total
      }
    }
    var result = [Double](repeating: 0, count: channels)
    for (planeIndex, total) in planeTotals.enumerated() { result[planeIndex % channels] += total }
    return result
  }

  /// Standardises `dataset.images` in place (every holder of the tensor sees the change).
  /// The dataset must have `mean.count` channels.
  public func apply(to dataset: ImageDataset) {
    precondition(
      dataset.channels == mean.count, "Normalization of \(mean.count) channels applied to \(dataset.channels)"
    )
    let channels = mean.count
    let scales = standardDeviation.map { 1 / $0 }
    let offsets = mean
    Self.forEachPlane(of: dataset) { planeIndex, values in
      let (offset, scale) = (offsets[planeIndex % channels], scales[planeIndex % channels])
      for index in values.indices { values[index] = (values[index] - offset) * scale }
    }
  }

  /// Calls `body(p, plane)` for every height×width plane p of the images (p = sample × channels +
  /// channel), concurrently. The planes are dealt to a fixed number of groups (not one per core),
  /// so the work split, and any per-plane result, never depends on the machine.
  private static func forEachPlane(
    of dataset: ImageDataset, _ body: (Int, UnsafeMutableBufferPointer<Float>) -> Void
  ) {
    let plane = dataset.height * dataset.width
    let planes = dataset.count * dataset.channels
    let groups = min(planes, 64)
    guard groups > 0 else { return }
    nonisolated(unsafe) let pointer = dataset.images.pointer
    nonisolated(unsafe) let body = body
    DispatchQueue.concurrentPerform(iterations: groups) { group in
      for planeIndex in stride(from: group, to: planes, by: groups) {
        body(planeIndex, UnsafeMutableBufferPointer(start: pointer + planeIndex * plane, count: plane))
      }
    }
  }
}
