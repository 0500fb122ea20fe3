/// A dense, row-major, contiguous array of `Float` (32-bit) values.
///
/// `Tensor` is a reference type, like a PyTorch tensor: layers, optimizers and observers share one
/// buffer without copying, and writing through one reference is seen by all. Use ``copy()`` for an
/// independent tensor. The storage is allocated once, 64-byte aligned, and freed on `deinit`; the
/// training step reuses tensors instead of allocating new ones.
public final class Tensor: @unchecked Sendable {
  /// The extent of every axis, outermost first.
  public private(set) var shape: Shape
  /// The number of elements, the product of `shape`.
  public var count: Int { shape.count }
  /// Elements the storage holds; `count` never exceeds it (``reshape(to:)`` may shrink `count`).
  public let capacity: Int
  /// The first element. Valid for the lifetime of the tensor.
  public let pointer: UnsafeMutablePointer<Float>

  /// A tensor of zeros with the given shape.
  public init(zeros shape: Shape) {
    self.shape = shape
    capacity = max(shape.count, 1)
    let raw = UnsafeMutableRawPointer.allocate(
      byteCount: capacity * MemoryLayout<Float>.stride, alignment: 64)
    pointer = raw.bindMemory(to: Float.self, capacity: capacity)
    pointer.initialize(repeating: 0, count: capacity)
  }

  /// A tensor of zeros; `Tensor(zeros: 2, 3)`.
  public convenience init(zeros dimensions: Int...) {
    self.init(zeros: Shape(dimensions))
  }

  /// A tensor holding `values` in row-major order. `values.count` must equal `shape.count`.
  public convenience init(_ values: [Float], shape: Shape) {
    precondition(values.count == shape.count, "Tensor: \(values.count) values for shape \(shape)")
    self.init(zeros: shape)
    values.withUnsafeBufferPointer { pointer.update(from: $0.baseAddress!, count: values.count) }
  }

  /// A tensor filled with `value`.
  public convenience init(repeating value: Float, shape: Shape) {
    self.init(zeros: shape)
    pointer.update(repeating: value, count: shape.count)
  }

  deinit { pointer.deallocate() }

  /// The elements as a buffer, valid while the tensor lives; no copy.
  public var buffer: UnsafeMutableBufferPointer<Float> {
    UnsafeMutableBufferPointer(start: pointer, count: count)
  }

  /// The elements copied into an array (for tests and small outputs, not the hot loop).
  public var array: [Float] { Array(buffer) }

  public subscript(index: Int) -> Float {
    get { pointer[index] }
    set { pointer[index] = newValue }
  }

  /// An independent tensor with the same shape and values.
  public func copy() -> Tensor {
    let result = Tensor(zeros: shape)
    result.pointer.update(from: pointer, count: count)
    return result
  }

  /// Reinterprets the elements with a new shape of at most `capacity` elements, in place.
  /// Used to reuse a buffer for a smaller final batch without allocating.
  public func reshape(to newShape: Shape) {
    precondition(newShape.count <= capacity, "reshape to \(newShape) exceeds capacity \(capacity)")
    shape = newShape
  }

  /// Sets every element to `value`.
  public func fill(_ value: Float) { pointer.update(repeating: value, count: count) }

  /// Copies the elements of `source`, which must have the same count.
  public func assign(_ source: Tensor) {
    precondition(source.count == count, "assign: \(source.shape) into \(shape)")
    pointer.update(from: source.pointer, count: count)
  }
}

extension Tensor {
  /// Returns `tensor` if it can hold `shape` (reshaping it in place), or a new tensor otherwise.
  /// Layers call this at the start of each step to reuse their output buffers across steps.
  public static func reuse(_ tensor: Tensor?, shape: Shape) -> Tensor {
    if let tensor, tensor.capacity >= shape.count {
      tensor.reshape(to: shape)
      return tensor
    }
    return Tensor(zeros: shape)
  }
}
