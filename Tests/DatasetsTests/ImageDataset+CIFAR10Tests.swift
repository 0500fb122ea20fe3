import Formats
import Foundation
import Testing

@testable import Datasets

@Suite("ImageDataset CIFAR-10 loader")
struct ImageDatasetCIFAR10Tests {
  static let trainNames = (1...5).map { "data_batch_\($0).bin" }

  @Test("the five training batches concatenate into [n, 3, 32, 32] in file order")
  func train() throws {
    let directory = try TemporaryDirectory()
    try Fixtures.writeCIFAR(in: directory.url, names: Self.trainNames, perBatch: 2)
    let dataset = try ImageDataset.cifar10(directory: directory.url, split: .train)
    #expect(dataset.images.shape == [10, 3, 32, 32])
    #expect(dataset.labels == (0..<10).map { Int32($0) })
    // Image 7 (batch 4), green plane (offset 1024), row 3, column 5.
    let offset = 1024 + 3 * 32 + 5
    #expect(dataset.images[7 * 3072 + offset] == Float(Fixtures.pixel(image: 7, offset: offset)) / 255)
  }

  @Test("batches inside a cifar-10-batches-bin folder are found")
  func nestedFolder() throws {
    let directory = try TemporaryDirectory()
    try Fixtures.writeCIFAR(
      in: directory.url.appendingPathComponent("cifar-10-batches-bin"), names: ["test_batch.bin"], perBatch: 3
    )
    #expect(try ImageDataset.cifar10(directory: directory.url, split: .test).count == 3)
  }

  @Test("a missing batch is named, with both places searched")
  func missing() throws {
    let directory = try TemporaryDirectory()
    try Fixtures.writeCIFAR(in: directory.url, names: Array(Self.trainNames.prefix(4)), perBatch: 1)
    #expect {
      try ImageDataset.cifar10(directory: directory.url, split: .train)
    } throws: { error in
      let message = "\(error)"
      return message.hasPrefix("CIFAR-10: data_batch_5.bin not found in \(directory.url.path) or ")
        && message.contains("cifar-10-batches-bin") && message.contains("infogeo datasets download cifar-10")
    }
  }

  @Test("a truncated batch surfaces the record-size error")
  func truncated() throws {
    let directory = try TemporaryDirectory()
    try Fixtures.writeCIFAR(in: directory.url, names: ["test_batch.bin"], perBatch: 2)
    let url = directory.url.appendingPathComponent("test_batch.bin")
    try Data(contentsOf: url).dropLast(100).write(to: url)
    #expect(
      throws: FormatError.partialRecord(
        file: url.path, format: "CIFAR-10 batch", size: 6046, recordSize: 3073)
    ) {
      try ImageDataset.cifar10(directory: directory.url, split: .test)
    }
  }
}
