import TensorCore

/// Labelled images held in memory as one `Float` tensor.
///
/// ```
/// images: [count, channels, height, width]  (NCHW, row-major), pixel values in [0, 1] as loaded
/// labels: [count], each in 0..<classCount
/// ```
/// `images` is a reference (``Tensor`` is a class): ``Normalization/apply(to:)`` changes it in place
/// for every holder. Subsets copy the selected samples into new tensors.
public struct ImageDataset: Sendable {
  /// A short name for messages and reports, e.g. `Fashion-MNIST train`.
  public let name: String
  /// The images, shape `[count, channels, height, width]`.
  public let images: Tensor
  /// One label per image, in `0..<classCount`.
  public let labels: [Int32]
  /// The number of classes.
  public let classCount: Int

  /// A dataset from its parts. `images` must have rank 4 with `labels.count` samples, and every
  /// label must lie in `0..<classCount` (loaders check files before calling this).
  public init(name: String, images: Tensor, labels: [Int32], classCount: Int) {
    precondition(images.shape.rank == 4, "ImageDataset: images of shape \(images.shape), expected NCHW")
    precondition(
      images.shape[0] == labels.count, "ImageDataset: \(images.shape[0]) images, \(labels.count) labels")
    precondition(labels.allSatisfy { $0 >= 0 && Int($0) < classCount }, "ImageDataset: label out of range")
    self.name = name
    self.images = images
    self.labels = labels
    self.classCount = classCount
  }

  /// The number of samples.
  public var count: Int { labels.count }
  /// Channels per image (1 for MNIST, 3 for CIFAR-10).
  public var channels: Int { images.shape[1] }
  /// Image height in pixels.
  public var height: Int { images.shape[2] }
  /// Image width in pixels.
  public var width: Int { images.shape[3] }
  /// Values per image: channels × height × width.
  public var sampleSize: Int { channels * height * width }

  /// The number of samples of each class, indexed by label.
  public var classCounts: [Int] {
    var counts = [Int](repeating: 0, count: classCount)
    for label in labels { counts[Int(label)] += 1 }
    return counts
  }

  /// Loads a split from the first directory of `locator` that holds its files.
  public static func load(_ kind: DatasetKind, split: DatasetSplit, locator: DatasetLocator) throws
    -> ImageDataset
  {
    let directory = try locator.directory(for: kind, split: split)
    switch kind {
    case .mnist: return try mnist(directory: directory, split: split)
    case .fashionMNIST: return try fashionMNIST(directory: directory, split: split)
    case .cifar10: return try cifar10(directory: directory, split: split)
    }
  }

  /// Images from bytes (0...255) scaled to `Float` in [0, 1]: x / 255.
  static func scaledImages(_ bytes: [UInt8], shape: Shape) -> Tensor {
    let tensor = Tensor(zeros: shape)
    nonisolated(unsafe) let target = tensor.pointer
    bytes.withUnsafeBufferPointer { source in
      nonisolated(unsafe) let source = source
      Parallel.forChunks(of: source.count) { range in
        for index in range { target[index] = Float(source[index]) / 255 }
      }
    }
    return tensor
  }
}
