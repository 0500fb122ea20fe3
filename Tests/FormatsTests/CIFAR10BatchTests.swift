import Foundation
import Testing

@testable import Formats

@Suite("CIFAR10Batch")
struct CIFAR10BatchTests {
  static let labels: [UInt8] = [3, 0, 9]
  static let pixels: [UInt8] = (0..<(3 * 3072)).map { UInt8(truncatingIfNeeded: $0 * 7) }

  @Test("splits records into labels and channel-major pixels")
  func parse() throws {
    let batch = try CIFAR10Batch(
      parsing: CIFAR10Batch.encode(labels: Self.labels, pixels: Self.pixels), file: "b")
    #expect(batch.count == 3 && batch.labels == Self.labels && batch.pixels == Self.pixels)
  }

  @Test("a size that is not a multiple of 3073 bytes is rejected")
  func partial() {
    let data = CIFAR10Batch.encode(labels: Self.labels, pixels: Self.pixels).dropLast(5)
    #expect {
      try CIFAR10Batch(parsing: data, file: "data_batch_1.bin")
    } throws: { error in
      (error as? FormatError)?.description
        == "data_batch_1.bin: CIFAR-10 batch file of 9214 bytes is not a whole number of 3073-byte records"
    }
  }

  @Test("a label of 10 or more is rejected with its record number")
  func labelOutOfRange() {
    let data = CIFAR10Batch.encode(labels: [1, 12, 2], pixels: Self.pixels)
    #expect(
      throws: FormatError.valueOutOfRange(file: "b", field: "label of record 1", value: 12, allowed: 0..<10)
    ) {
      try CIFAR10Batch(parsing: data, file: "b")
    }
  }

  @Test("an empty file holds zero records")
  func empty() throws {
    #expect(try CIFAR10Batch(parsing: Data(), file: "e").count == 0)
  }
}
