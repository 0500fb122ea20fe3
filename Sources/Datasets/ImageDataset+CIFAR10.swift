import Formats
import Foundation
import TensorCore

extension ImageDataset {
  /// CIFAR-10 from its binary batches in `directory` or in its `cifar-10-batches-bin` folder:
  /// `data_batch_1.bin` … `data_batch_5.bin` (train, 50000 images) or `test_batch.bin` (10000).
  ///
  /// Result: images `[count, 3, 32, 32]` (RGB planes) with values x/255 in [0, 1], labels 0...9.
  public static func cifar10(directory: URL, split: DatasetSplit) throws -> ImageDataset {
    let kind = DatasetKind.cifar10
    let missing = DatasetLocator.missingFiles(kind, split: split, in: directory)
    guard missing.isEmpty else {
      let nested = directory.appendingPathComponent(DatasetLocator.cifarSubdirectory, isDirectory: true)
      throw DatasetError.missingFiles(
        dataset: kind.displayName, files: missing, searched: [directory.path, nested.path],
        howToGet: kind.howToGet)
    }
    let folder = DatasetLocator.filesDirectory(kind, split: split, in: directory)
    let batches = try kind.fileNames(for: split).map { name in
      let url = folder.appendingPathComponent(name)
      let data: Data
      do { data = try Data(contentsOf: url) } catch {
        throw FormatError.unreadable(file: url.path, reason: error.localizedDescription)
      }
      return try CIFAR10Batch(parsing: data, file: url.path)
    }
    let shape: Shape = [
      batches.reduce(0) { $0 + $1.count }, CIFAR10Batch.channels, CIFAR10Batch.height, CIFAR10Batch.width,
    ]
    return ImageDataset(
      name: "\(kind.displayName) \(split.rawValue)",
      images: scaledImages(batches.flatMap(\.pixels), shape: shape),
      labels: batches.flatMap { $0.labels.map { Int32($0) } }, classCount: kind.classCount)
  }
}
