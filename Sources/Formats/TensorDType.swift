/// The element type of a stored tensor, as checkpoint formats (safetensors, NumPy) name them.
///
/// Every type converts to `Float` and `Double` on reading: floating-point types exactly (Float16 and
/// BFloat16 widen without rounding; Float64 rounds to nearest when read as `Float`), integers by
/// `Float(value)` / `Double(value)` (exact below 2²⁴ and 2⁵³ respectively), booleans as 0 or 1.
public enum TensorDType: String, CaseIterable, Sendable {
  /// One byte, 0 is false and anything else true (read as 0 or 1).
  case bool = "BOOL"
  /// Signed 8-bit integer.
  case int8 = "I8"
  /// Unsigned 8-bit integer.
  case uint8 = "U8"
  /// Signed 16-bit integer.
  case int16 = "I16"
  /// Unsigned 16-bit integer.
  case uint16 = "U16"
  /// Signed 32-bit integer.
  case int32 = "I32"
  /// Unsigned 32-bit integer.
  case uint32 = "U32"
  /// Signed 64-bit integer.
  case int64 = "I64"
  /// Unsigned 64-bit integer.
  case uint64 = "U64"
  /// IEEE 754 binary16.
  case float16 = "F16"
  /// bfloat16: the upper 16 bits of an IEEE 754 binary32.
  case bfloat16 = "BF16"
  /// IEEE 754 binary32 (`Float`).
  case float32 = "F32"
  /// IEEE 754 binary64 (`Double`).
  case float64 = "F64"

  /// Bytes per element.
  public var byteCount: Int {
    switch self {
    case .bool, .int8, .uint8: return 1
    case .int16, .uint16, .float16, .bfloat16: return 2
    case .int32, .uint32, .float32: return 4
    case .int64, .uint64, .float64: return 8
    }
  }

  /// The safetensors spelling (`"F32"`, `"BF16"`, …), also the raw value.
  public var safeTensorsName: String { rawValue }
}
