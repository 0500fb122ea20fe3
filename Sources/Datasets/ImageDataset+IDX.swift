import Formats
import Foundation
import TensorCore

extension ImageDataset {
  /// MNIST (handwritten digits) from IDX files in `directory`: `train-images-idx3-ubyte`,
  /// `train-labels-idx1-ubyte` (or `t10k-…` for the test split), each raw or gzipped (`.gz`).
  ///
  /// Result: images `[count, 1, 28, 28]` with values x/255 in [0, 1], labels 0...9.
  public static func mnist(directory: URL, split: DatasetSplit) throws -> ImageDataset {
    try idx(.mnist, directory: directory, split: split)
  }

  /// Fashion-MNIST (Zalando article images), with the same file names and layout as ``mnist(directory:split:)``.
  public static func fashionMNIST(directory: URL, split: DatasetSplit) throws -> ImageDataset {
    try idx(.fashionMNIST, directory: directory, split: split)
  }

  /// Loads an images IDX file `[count, height, width]` and a labels IDX file `[count]`.
  static func idx(_ kind: DatasetKind, directory: URL, split: DatasetSplit) throws -> ImageDataset {
    let dataset = kind.displayName
    let missing = DatasetLocator.missingFiles(kind, split: split, in: directory)
    let names = kind.fileNames(for: split)
    guard missing.isEmpty,
      let imagesURL = DatasetLocator.file(named: names[0], in: directory, gzipAllowed: true),
      let labelsURL = DatasetLocator.file(named: names[1], in: directory, gzipAllowed: true)
    else {
      throw DatasetError.missingFiles(
        dataset: dataset, files: missing, searched: [directory.path], howToGet: kind.howToGet)
    }
    let images = try IDXFile(parsing: Gzip.readFile(at: imagesURL), file: imagesURL.path)
    let labels = try IDXFile(parsing: Gzip.readFile(at: labelsURL), file: labelsURL.path)
    guard images.dimensions.count == 3 else {
      throw DatasetError.unexpectedShape(
        dataset: dataset, file: imagesURL.path, dimensions: images.dimensions, expected: "count×height×width")
    }
    guard labels.dimensions.count == 1 else {
      throw DatasetError.unexpectedShape(
        dataset: dataset, file: labelsURL.path, dimensions: labels.dimensions, expected: "count")
    }
    guard images.dimensions[0] == labels.dimensions[0] else {
      throw DatasetError.countMismatch(
        dataset: dataset, imagesFile: imagesURL.path, images: images.dimensions[0],
        labelsFile: labelsURL.path, labels: labels.dimensions[0])
    }
    if let index = labels.payload.firstIndex(where: { Int($0) >= kind.classCount }) {
      throw DatasetError.labelOutOfRange(
        dataset: dataset, file: labelsURL.path, index: index, label: Int(labels.payload[index]),
        classCount: kind.classCount)
    }
    let shape: Shape = [images.dimensions[0], 1, images.dimensions[1], images.dimensions[2]]
    return ImageDataset(
      name: "\(dataset) \(split.rawValue)", images: scaledImages(images.payload, shape: shape),
      labels: labels.payload.map { Int32($0) }, classCount: kind.classCount)
  }
}
