import Foundation

/// One CIFAR-10 binary batch file (`data_batch_1.bin` … `data_batch_5.bin`, `test_batch.bin`).
///
/// Each record is 1 label byte (0...9) followed by 3072 pixel bytes: a 32×32 image stored channel
/// by channel (1024 red, then 1024 green, then 1024 blue bytes), each channel row-major. That is
/// already the `[channels, height, width]` order of an NCHW tensor.
public struct CIFAR10Batch: Sendable {
  public static let width = 32
  public static let height = 32
  public static let channels = 3
  public static let classCount = 10
  /// Pixel bytes per image: 3 × 32 × 32 = 3072.
  public static let imageBytes = channels * height * width
  /// Bytes per record: 1 label + 3072 pixels = 3073.
  public static let recordBytes = 1 + imageBytes

  /// One label in 0..<10 per image.
  public let labels: [UInt8]
  /// The images back to back, `count × 3072` bytes, each in channel-major order.
  public let pixels: [UInt8]
  /// The number of images.
  public var count: Int { labels.count }

  /// Parses a batch. The size must be a whole number of 3073-byte records and every label below 10.
  /// - Parameter file: the name used in error messages.
  public init(parsing data: Data, file: String) throws {
    guard data.count % Self.recordBytes == 0 else {
      throw FormatError.partialRecord(
        file: file, format: "CIFAR-10 batch", size: data.count, recordSize: Self.recordBytes)
    }
    let count = data.count / Self.recordBytes
    var labels = [UInt8](repeating: 0, count: count)
    var pixels = [UInt8](repeating: 0, count: count * Self.imageBytes)
    try data.withUnsafeBytes { (source: UnsafeRawBufferPointer) in
      try pixels.withUnsafeMutableBytes { target in
        guard let sourceBase = source.baseAddress, let targetBase = target.baseAddress else { return }
        for record in 0..<count {
          let offset = record * Self.recordBytes
          let label = source[offset]
          guard Int(label) < Self.classCount else {
            throw FormatError.valueOutOfRange(
              file: file, field: "label of record \(record)", value: Int(label), allowed: 0..<Self.classCount)
          }
          labels[record] = label
          (targetBase + record * Self.imageBytes).copyMemory(
            from: sourceBase + offset + 1, byteCount: Self.imageBytes)
        }
      }
    }
    self.labels = labels
    self.pixels = pixels
  }

  /// The binary encoding of records (for writing test files); `pixels.count` must be
  /// `labels.count × 3072`.
  public static func encode(labels: [UInt8], pixels: [UInt8]) -> Data {
    precondition(pixels.count == labels.count * imageBytes, "CIFAR-10 pixels do not match the labels")
    var data = Data(capacity: labels.count * recordBytes)
    for (record, label) in labels.enumerated() {
      data.append(label)
      data.append(contentsOf: pixels[(record * imageBytes)..<((record + 1) * imageBytes)])
    }
    return data
  }
}
