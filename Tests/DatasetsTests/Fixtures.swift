import Formats
import Foundation
import TensorCore

@testable import Datasets

/// A fresh directory under the system's temporary directory, removed when the value is released.
final class TemporaryDirectory {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("DatasetsTests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }
}

/// Small synthetic datasets written in the real file formats.
enum Fixtures {
  /// Pixel byte of image `image` at flat position `offset`: a pattern that identifies both.
  static func pixel(image: Int, offset: Int) -> UInt8 { UInt8(truncatingIfNeeded: image * 31 + offset) }

  /// Labels 0, 1, …, 9, 0, 1, … of `count` samples.
  static func labels(count: Int, classes: Int = 10) -> [UInt8] { (0..<count).map { UInt8($0 % classes) } }

  /// Writes an MNIST-style split (`prefix` = "train" or "t10k") of `count` images of `rows`×`cols`.
  static func writeIDX(
    in directory: URL, prefix: String, count: Int, rows: Int = 4, cols: Int = 3, gzip: Bool,
    labels: [UInt8]? = nil
  ) throws {
    let pixels = (0..<count).flatMap { image in (0..<(rows * cols)).map { pixel(image: image, offset: $0) } }
    let images = IDXFile.encode(dimensions: [count, rows, cols], payload: pixels)
    let labelBytes = labels ?? Self.labels(count: count)
    let labelFile = IDXFile.encode(dimensions: [labelBytes.count], payload: labelBytes)
    let suffix = gzip ? ".gz" : ""
    try (gzip ? Gzip.compress(images) : images)
      .write(to: directory.appendingPathComponent("\(prefix)-images-idx3-ubyte\(suffix)"))
    try (gzip ? Gzip.compress(labelFile) : labelFile)
      .write(to: directory.appendingPathComponent("\(prefix)-labels-idx1-ubyte\(suffix)"))
  }

  /// Writes CIFAR-10 batch files `names`, each of `perBatch` records, into `directory`.
  static func writeCIFAR(in directory: URL, names: [String], perBatch: Int) throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for (batch, name) in names.enumerated() {
      let first = batch * perBatch
      let pixels = (first..<(first + perBatch)).flatMap { image in
        (0..<CIFAR10Batch.imageBytes).map { pixel(image: image, offset: $0) }
      }
      let labels = (first..<(first + perBatch)).map { UInt8($0 % 10) }
      try CIFAR10Batch.encode(labels: labels, pixels: pixels).write(
        to: directory.appendingPathComponent(name))
    }
  }

  /// A dataset of `perClass[c]` samples of class c, 2 channels of 2×2 pixels; sample i has every
  /// pixel equal to i, so a sample's origin is readable from its values.
  static func dataset(perClass: [Int]) -> ImageDataset {
    let labels = perClass.enumerated().flatMap { label, n in [Int32](repeating: Int32(label), count: n) }
    let values = labels.indices.flatMap { [Float](repeating: Float($0), count: 8) }
    return ImageDataset(
      name: "toy", images: Tensor(values, shape: [labels.count, 2, 2, 2]), labels: labels,
      classCount: perClass.count)
  }
}
