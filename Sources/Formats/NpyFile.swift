import Foundation

/// One NumPy array in `.npy` format (versions 1.0, 2.0, 3.0; see ``NpyHeader`` for what is
/// accepted), read from a memory-mapped file or from bytes (an `.npz` member).
///
/// The data must be exactly `itemsize × Π shape` bytes after the header. Big-endian descriptors are
/// byte-swapped and Fortran-order (column-major) arrays are transposed to C order when their values
/// are read, so values always come out row-major with `shape` as stored; ``fortranOrder`` tells how
/// the file held them. The single tensor is named after the file (its name without `.npy`).
public struct NpyFile: TensorContainer, Sendable {
  /// The path or name used in error messages.
  public let file: String
  /// The array's name, dtype and shape.
  public let info: TensorInfo
  /// Whether the file stores the elements column-major (they are still delivered in C order).
  public let fortranOrder: Bool
  /// Whether the file stores multi-byte elements big-endian (they are byte-swapped on reading).
  public let bigEndian: Bool

  /// The single tensor, ``info``.
  public var tensors: [TensorInfo] { [info] }

  private let bytes: Data
  private let stored: StoredTensor

  /// Maps and validates the file at `url`; the tensor is named after the file without `.npy`.
  public init(url: URL) throws {
    try self.init(
      data: MappedFile.bytes(of: url), file: url.path, name: url.deletingPathExtension().lastPathComponent)
  }

  /// Validates `.npy` bytes; `file` names them in errors and `name` names the tensor.
  public init(data: Data, file: String, name: String) throws {
    let header = try NpyHeader.parse(data, file: file)
    guard let byteCount = StoredTensor.byteCount(shape: header.shape, dtype: header.dtype) else {
      throw FormatError.sizeOverflow(file: file, format: "NPY", dimensions: header.shape)
    }
    let available = data.count - header.dataOffset
    guard available == byteCount else {
      throw FormatError.payloadSizeMismatch(
        file: file, format: "NPY", dimensions: header.shape, elementBytes: header.dtype.byteCount,
        available: available)
    }
    self.file = file
    self.info = TensorInfo(name: name, dtype: header.dtype, shape: header.shape)
    self.fortranOrder = header.fortranOrder
    self.bigEndian = header.bigEndian
    self.bytes = data
    self.stored = StoredTensor(
      info: info, byteRange: header.dataOffset..<data.count, bigEndian: header.bigEndian,
      fortranOrder: header.fortranOrder)
  }

  /// Calls `body` with the values of tensor `name` as `Float`s, row-major (see ``TensorContainer``).
  public func withValues<R>(of name: String, _ body: (UnsafeBufferPointer<Float>) throws -> R) throws -> R {
    guard name == info.name else { throw FormatError.unknownTensor(file: file, name: name) }
    return try withValues(body)
  }

  /// Calls `body` with the values of tensor `name` as `Double`s, row-major.
  public func withDoubleValues<R>(of name: String, _ body: (UnsafeBufferPointer<Double>) throws -> R) throws
    -> R
  {
    guard name == info.name else { throw FormatError.unknownTensor(file: file, name: name) }
    return try withDoubleValues(body)
  }

  /// Calls `body` with the array's elements as `Float`s in C order.
  public func withValues<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
    try bytes.withUnsafeBytes { try stored.withValues(in: $0, body) }
  }

  /// Calls `body` with the array's elements as `Double`s in C order.
  public func withDoubleValues<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
    try bytes.withUnsafeBytes { try stored.withDoubleValues(in: $0, body) }
  }
}
