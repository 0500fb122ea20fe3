/// Where and how one tensor's elements lie in a file's bytes, and their conversion to `Float`/`Double`.
///
/// Shared by the checkpoint readers: they validate a header into a `StoredTensor` (whose `byteRange`
/// is checked to hold exactly `elementCount × dtype.byteCount` bytes), then decode on demand.
struct StoredTensor: Sendable {
  let info: TensorInfo
  /// The element bytes, as offsets into the container's whole buffer.
  let byteRange: Range<Int>
  /// Whether multi-byte elements are big-endian (NumPy `>` descriptors); safetensors is little-endian.
  let bigEndian: Bool
  /// Whether the elements are stored in column-major (Fortran) order; decoding transposes to C order.
  let fortranOrder: Bool

  /// Calls `body` with the elements as `Float`s in C order: the bytes themselves when they are
  /// aligned little-endian C-order `F32`, otherwise a temporary conversion buffer.
  func withValues<R>(
    in bytes: UnsafeRawBufferPointer, _ body: (UnsafeBufferPointer<Float>) throws -> R
  ) rethrows -> R {
    try withConverted(in: bytes, direct: .float32, body)
  }

  /// Calls `body` with the elements as `Double`s in C order (the bytes themselves for aligned
  /// little-endian C-order `F64`).
  func withDoubleValues<R>(
    in bytes: UnsafeRawBufferPointer, _ body: (UnsafeBufferPointer<Double>) throws -> R
  ) rethrows -> R {
    try withConverted(in: bytes, direct: .float64, body)
  }

  // MARK: - Implementation

  private var isCOrder: Bool { !fortranOrder || info.shape.filter { $0 != 1 }.count < 2 }

  private func withConverted<T: BinaryFloatingPoint, R>(
    in bytes: UnsafeRawBufferPointer, direct: TensorDType, _ body: (UnsafeBufferPointer<T>) throws -> R
  ) rethrows -> R {
    let raw = UnsafeRawBufferPointer(rebasing: bytes[byteRange])
    let count = info.elementCount
    if info.dtype == direct, !bigEndian, isCOrder,
      let base = raw.baseAddress, Int(bitPattern: base) % MemoryLayout<T>.alignment == 0
    {
      return try raw.withMemoryRebound(to: T.self) { try body(UnsafeBufferPointer(rebasing: $0[0..<count])) }
    }
    let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
    defer { buffer.deallocate() }
    decode(raw, into: buffer)
    return try body(UnsafeBufferPointer(buffer))
  }

  /// Fills `output` (elementCount values) in C order from the stored elements.
  private func decode<T: BinaryFloatingPoint>(
    _ raw: UnsafeRawBufferPointer, into output: UnsafeMutableBufferPointer<T>
  ) {
    let element = elementReader(raw, as: T.self)
    guard !isCOrder else {
      for index in 0..<output.count { output[index] = element(index) }
      return
    }
    // Odometer over the C-order multi-index (last axis fastest), tracking the Fortran offset
    // Σ iₖ·sₖ with column-major strides sₖ = n₀·…·nₖ₋₁.
    let shape = info.shape
    var strides = [Int](repeating: 1, count: shape.count)
    for axis in shape.indices.dropFirst() { strides[axis] = strides[axis - 1] * shape[axis - 1] }
    var index = [Int](repeating: 0, count: shape.count)
    var offset = 0
    for position in 0..<output.count {
      output[position] = element(offset)
      var axis = shape.count - 1
      while axis >= 0 {
        index[axis] += 1
        offset += strides[axis]
        if index[axis] < shape[axis] { break }
        offset -= strides[axis] * shape[axis]
        index[axis] = 0
        axis -= 1
      }
    }
  }

  /// A function from element index (in storage order) to its value.
  private func elementReader<T: BinaryFloatingPoint>(_ raw: UnsafeRawBufferPointer, as: T.Type) -> (Int) -> T
  {
    let big = bigEndian
    func load<I: FixedWidthInteger>(_ index: Int, _ type: I.Type) -> I {
      let value = raw.loadUnaligned(fromByteOffset: index * MemoryLayout<I>.size, as: I.self)
      return big ? I(bigEndian: value) : I(littleEndian: value)
    }
    switch info.dtype {
    case .bool: return { load($0, UInt8.self) == 0 ? 0 : 1 }
    case .int8: return { T(load($0, Int8.self)) }
    case .uint8: return { T(load($0, UInt8.self)) }
    case .int16: return { T(load($0, Int16.self)) }
    case .uint16: return { T(load($0, UInt16.self)) }
    case .int32: return { T(load($0, Int32.self)) }
    case .uint32: return { T(load($0, UInt32.self)) }
    case .int64: return { T(load($0, Int64.self)) }
    case .uint64: return { T(load($0, UInt64.self)) }
    case .float16: return { T(Float(Float16(bitPattern: load($0, UInt16.self)))) }
    case .bfloat16: return { T(Float(bitPattern: UInt32(load($0, UInt16.self)) << 16)) }
    case .float32: return { T(Float(bitPattern: load($0, UInt32.self))) }
    case .float64: return { T(Double(bitPattern: load($0, UInt64.self))) }
    }
  }
}

extension StoredTensor {
  /// `dtype.byteCount × Π shape`, or nil when a factor is negative or the product overflows `Int`.
  static func byteCount(shape: [Int], dtype: TensorDType) -> Int? {
    var product = dtype.byteCount
    for extent in shape {
      guard extent >= 0 else { return nil }
      let (next, overflow) = product.multipliedReportingOverflow(by: extent)
      guard !overflow else { return nil }
      product = next
    }
    return product
  }
}
