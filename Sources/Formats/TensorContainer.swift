/// A checkpoint file read tensor by tensor (``SafeTensorsFile``, ``NpyFile``, ``NpzFile``).
///
/// Implementations keep the file memory-mapped and convert one tensor at a time: the body sees
/// either the mapped bytes themselves (little-endian, C-order, aligned `F32` read as `Float`, or `F64`
/// read as `Double`) or a conversion buffer of that one tensor that is freed when the body returns.
/// Values are always in row-major (C) order.
public protocol TensorContainer {
  /// The tensors, in the order the file stores them.
  var tensors: [TensorInfo] { get }

  /// Calls `body` with the elements of tensor `name` as `Float`s, row-major.
  /// - Throws: ``FormatError/unknownTensor(file:name:)`` when there is no such tensor.
  func withValues<R>(of name: String, _ body: (UnsafeBufferPointer<Float>) throws -> R) throws -> R

  /// Calls `body` with the elements of tensor `name` as `Double`s, row-major.
  func withDoubleValues<R>(of name: String, _ body: (UnsafeBufferPointer<Double>) throws -> R) throws -> R
}

extension TensorContainer {
  /// The elements of tensor `name` as a new `Float` array (a copy; prefer ``withValues(of:_:)``).
  public func values(of name: String) throws -> [Float] {
    try withValues(of: name) { Array($0) }
  }

  /// The elements of tensor `name` as a new `Double` array.
  public func doubleValues(of name: String) throws -> [Double] {
    try withDoubleValues(of: name) { Array($0) }
  }

  /// The description of tensor `name`, if the file has one.
  public func info(of name: String) -> TensorInfo? {
    tensors.first { $0.name == name }
  }
}
