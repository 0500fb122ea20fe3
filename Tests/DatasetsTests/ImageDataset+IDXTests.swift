import Formats
import Foundation
import Testing

@testable import Datasets

@Suite("ImageDataset IDX loaders")
struct ImageDatasetIDXTests {
  @Test(
    "MNIST-style files load to [n, 1, rows, cols] with x/255 pixels, gzipped or raw",
    arguments: [true, false])
  func load(gzip: Bool) throws {
    let directory = try TemporaryDirectory()
    try Fixtures.writeIDX(in: directory.url, prefix: "train", count: 7, rows: 4, cols: 3, gzip: gzip)
    let dataset = try ImageDataset.mnist(directory: directory.url, split: .train)
    #expect(dataset.images.shape == [7, 1, 4, 3])
    #expect(dataset.labels == Fixtures.labels(count: 7).map { Int32($0) })
    #expect(dataset.classCount == 10 && dataset.name == "MNIST train")
    // Image 5, pixel (row 2, col 1) is flat offset 7.
    #expect(dataset.images[5 * 12 + 7] == Float(Fixtures.pixel(image: 5, offset: 7)) / 255)
  }

  @Test("missing files: the message names the dataset, the directory and how to get it")
  func missing() throws {
    let directory = try TemporaryDirectory()
    #expect {
      try ImageDataset.fashionMNIST(directory: directory.url, split: .test)
    } throws: { error in
      let message = "\(error)"
      return message.hasPrefix(
        "Fashion-MNIST: t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz] not found in")
        && message.contains(directory.url.path) && message.contains("apt-get install dataset-fashion-mnist")
        && message.contains("infogeo datasets download fashion-mnist")
    }
  }

  @Test("images and labels of different counts: the error names both files")
  func countMismatch() throws {
    let directory = try TemporaryDirectory()
    try Fixtures.writeIDX(
      in: directory.url, prefix: "train", count: 6, gzip: false, labels: Fixtures.labels(count: 5))
    #expect {
      try ImageDataset.mnist(directory: directory.url, split: .train)
    } throws: { error in
      let message = "\(error)"
      return message.contains("train-images-idx3-ubyte holds 6 images")
        && message.contains("train-labels-idx1-ubyte holds 5 labels")
    }
  }

  @Test("a label of 10 or more is rejected with its index")
  func labelOutOfRange() throws {
    let directory = try TemporaryDirectory()
    try Fixtures.writeIDX(in: directory.url, prefix: "train", count: 3, gzip: true, labels: [1, 2, 10])
    #expect {
      try ImageDataset.mnist(directory: directory.url, split: .train)
    } throws: { error in
      guard case .labelOutOfRange(_, _, let index, let label, 10)? = error as? DatasetError else {
        return false
      }
      return index == 2 && label == 10
    }
  }

  @Test("a truncated gzipped images file surfaces the format error")
  func truncated() throws {
    let directory = try TemporaryDirectory()
    try Fixtures.writeIDX(in: directory.url, prefix: "train", count: 50, gzip: true)
    let url = directory.url.appendingPathComponent("train-images-idx3-ubyte.gz")
    let data = try Data(contentsOf: url)
    try data.prefix(data.count - 20).write(to: url)
    #expect(throws: FormatError.truncatedStream(file: url.path)) {
      try ImageDataset.mnist(directory: directory.url, split: .train)
    }
  }

  @Test("a labels file with images dimensions is rejected as the wrong shape")
  func wrongShape() throws {
    let directory = try TemporaryDirectory()
    try Fixtures.writeIDX(in: directory.url, prefix: "train", count: 2, gzip: false)
    try IDXFile.encode(dimensions: [2, 1], payload: [0, 1])
      .write(to: directory.url.appendingPathComponent("train-labels-idx1-ubyte"))
    #expect(throws: DatasetError.self) { try ImageDataset.mnist(directory: directory.url, split: .train) }
  }

  @Test("the Debian Fashion-MNIST package: 60000 + 10000 balanced 28×28 images, labels 0…9")
  func debianFashionMNIST() throws {
    let directory = try #require(DatasetKind.fashionMNIST.systemDirectory)
    let train = try ImageDataset.fashionMNIST(directory: directory, split: .train)
    let test = try ImageDataset.fashionMNIST(directory: directory, split: .test)
    #expect(train.images.shape == [60000, 1, 28, 28] && test.images.shape == [10000, 1, 28, 28])
    // Fashion-MNIST is balanced by construction: 6000 training and 1000 test images per class.
    #expect(train.classCounts == [Int](repeating: 6000, count: 10))
    #expect(test.classCounts == [Int](repeating: 1000, count: 10))
    // The first training and test images are ankle boots (class 9), as in the published files.
    #expect(train.labels.prefix(3) == [9, 0, 0] && test.labels.prefix(3) == [9, 2, 1])
    // The first training image's bytes sum to 76247 (read with Python's gzip module); each x/255 is
    // a correctly rounded Float (relative error ≤ 6e-8), so 784 of them sum to 76247/255 within 1e-4.
    let first = (0..<784).reduce(0.0) { $0 + Double(train.images[$1]) }
    #expect(abs(first - 76247.0 / 255) < 1e-4)
    // The test set's pixel mean and deviation, computed in Python from a byte histogram (0.2868493,
    // 0.3524442). The Float pixels carry a relative rounding error ≤ 6e-8 and the result is rounded
    // to Float once more: 1e-6 absolute is ample. (The test split keeps this fast; the training
    // split's 0.2860, 0.3530 are the published values.)
    let normalization = Normalization(fitting: test)
    #expect(abs(normalization.mean[0] - 0.286_849_3) < 1e-6)
    #expect(abs(normalization.standardDeviation[0] - 0.352_444_2) < 1e-6)
  }
}
