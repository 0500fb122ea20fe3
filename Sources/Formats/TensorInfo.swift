/// The name, element type and shape of one tensor in a checkpoint file.
public struct TensorInfo: Equatable, Sendable {
  /// The tensor's key in the file (`"layers.0.weight"`; for `.npz` the member name without `.npy`).
  public let name: String
  /// The element type as stored in the file (values are converted to `Float`/`Double` on reading).
  public let dtype: TensorDType
  /// The extents, outermost first (row-major / C order); `[]` for a scalar.
  public let shape: [Int]

  /// A tensor description; `shape` is outermost first.
  public init(name: String, dtype: TensorDType, shape: [Int]) {
    self.name = name
    self.dtype = dtype
    self.shape = shape
  }

  /// The number of elements, the product of `shape` (1 for a scalar). Readers check it fits in `Int`.
  public var elementCount: Int { shape.reduce(1, *) }
}
