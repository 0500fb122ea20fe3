import Foundation

/// A safetensors checkpoint (Hugging Face), read tensor by tensor from a memory-mapped file.
///
/// Layout: an 8-byte little-endian header size `n`, `n` bytes of UTF-8 JSON, then the data section.
/// The JSON object maps each tensor name to `{"dtype": "F32", "shape": [2, 3], "data_offsets": [b, e]}`
/// (offsets into the data section) and may hold `"__metadata__"`, an object of strings.
///
/// Validation follows the reference implementation (`safetensors` crate, `Metadata::validate`):
/// `n` ≤ 100 000 000 and 8 + `n` ≤ file size; the header is UTF-8 and one JSON object starting with
/// `{`; taken in order of their offsets, the tensors cover the data section contiguously from 0 with
/// no gap or overlap (each `begin` equals the previous `end`, `end` ≥ `begin`); each tensor's
/// `end − begin` equals `dtype size × Π shape` (computed with overflow checks); and the last `end`
/// equals the data section size, file size − 8 − `n`. Tensor names must be unique; unknown keys
/// inside a tensor's entry are ignored, as the reference does. Dtypes `BOOL`, `U8`, `I8`, `U16`,
/// `I16`, `U32`, `I32`, `U64`, `I64`, `F16`, `BF16`, `F32`, `F64` are read; others (the `F8` types)
/// are rejected as unknown. Nothing is allocated from the header's claims except the header itself,
/// after its size is checked against the file.
public struct SafeTensorsFile: TensorContainer, Sendable {
  /// The largest header accepted, as in the reference implementation.
  public static let maximumHeaderSize = 100_000_000

  /// The path or name used in error messages.
  public let file: String
  /// The tensors in the order of their data offsets.
  public let tensors: [TensorInfo]
  /// The `"__metadata__"` entries (empty if the header has none).
  public let metadata: [String: String]

  private let bytes: Data
  private let stored: [String: StoredTensor]

  /// Maps and validates the file at `url`.
  public init(url: URL) throws {
    try self.init(data: MappedFile.bytes(of: url), file: url.path)
  }

  /// Validates safetensors bytes (mapped or in memory); `file` names them in error messages.
  public init(data: Data, file: String) throws {
    let format = "safetensors"
    guard data.count >= 8 else {
      throw FormatError.truncatedHeader(file: file, format: format, needed: 8, available: data.count)
    }
    let start = data.startIndex
    let declared = (0..<8).reduce(UInt64(0)) { $0 | UInt64(data[start + $1]) << (8 * UInt64($1)) }
    guard declared <= UInt64(Self.maximumHeaderSize) else {
      throw FormatError.invalidField(
        file: file, format: format, field: "header size", value: "\(declared)",
        expected: "at most \(Self.maximumHeaderSize) bytes")
    }
    let headerSize = Int(declared)
    guard 8 + headerSize <= data.count else {
      throw FormatError.truncatedHeader(
        file: file, format: format, needed: 8 + headerSize, available: data.count)
    }
    let header = [UInt8](data[(start + 8)..<(start + 8 + headerSize)])
    guard String(validating: header, as: UTF8.self) != nil else {
      throw FormatError.invalidField(
        file: file, format: format, field: "header", value: "bytes that are not UTF-8", expected: "UTF-8 JSON"
      )
    }
    guard header.first == UInt8(ascii: "{"),
      case .object(let members) = try JSONParser.parse(header, file: file, format: format)
    else {
      throw FormatError.invalidField(
        file: file, format: format, field: "header", value: "not a JSON object", expected: "a JSON object")
    }

    var metadata: [String: String] = [:]
    var entries: [(info: TensorInfo, offsets: (begin: Int, end: Int))] = []
    var names = Set<String>()
    for (key, value) in members {
      guard names.insert(key).inserted else {
        throw FormatError.invalidField(
          file: file, format: format, field: "header key \"\(key)\"", value: "repeated",
          expected: "unique names")
      }
      if key == "__metadata__" {
        metadata = try Self.metadata(value, file: file)
      } else {
        entries.append(try Self.entry(named: key, value, file: file))
      }
    }

    entries.sort { ($0.offsets.begin, $0.offsets.end) < ($1.offsets.begin, $1.offsets.end) }
    let dataStart = 8 + headerSize
    let dataSize = data.count - dataStart
    var stored: [String: StoredTensor] = [:]
    var next = 0
    for (info, offsets) in entries {
      let field = "\"\(info.name)\".data_offsets"
      guard offsets.begin == next, offsets.end >= offsets.begin else {
        throw FormatError.invalidField(
          file: file, format: format, field: field, value: "[\(offsets.begin), \(offsets.end)]",
          expected: "to start at \(next), where the previous tensor ends (no gap or overlap)")
      }
      guard let byteCount = StoredTensor.byteCount(shape: info.shape, dtype: info.dtype) else {
        throw FormatError.sizeOverflow(file: file, format: format, dimensions: info.shape)
      }
      guard offsets.end - offsets.begin == byteCount else {
        throw FormatError.payloadSizeMismatch(
          file: file, format: format, dimensions: info.shape, elementBytes: info.dtype.byteCount,
          available: offsets.end - offsets.begin)
      }
      guard offsets.end <= dataSize else {
        throw FormatError.invalidField(
          file: file, format: format, field: field, value: "[\(offsets.begin), \(offsets.end)]",
          expected: "to end within the data section of \(dataSize) bytes")
      }
      stored[info.name] = StoredTensor(
        info: info, byteRange: (dataStart + offsets.begin)..<(dataStart + offsets.end), bigEndian: false,
        fortranOrder: false)
      next = offsets.end
    }
    guard next == dataSize else {
      throw FormatError.invalidField(
        file: file, format: format, field: "data section", value: "\(dataSize) bytes",
        expected: "\(next) bytes, the end of the last tensor")
    }
    self.file = file
    self.tensors = entries.map(\.info)
    self.metadata = metadata
    self.bytes = data
    self.stored = stored
  }

  /// Calls `body` with the values of tensor `name` as `Float`s, row-major (see ``TensorContainer``).
  public func withValues<R>(of name: String, _ body: (UnsafeBufferPointer<Float>) throws -> R) throws -> R {
    let tensor = try storedTensor(name)
    return try bytes.withUnsafeBytes { try tensor.withValues(in: $0, body) }
  }

  /// Calls `body` with the values of tensor `name` as `Double`s, row-major.
  public func withDoubleValues<R>(of name: String, _ body: (UnsafeBufferPointer<Double>) throws -> R) throws
    -> R
  {
    let tensor = try storedTensor(name)
    return try bytes.withUnsafeBytes { try tensor.withDoubleValues(in: $0, body) }
  }

  // MARK: - Header entries

  private func storedTensor(_ name: String) throws -> StoredTensor {
    guard let tensor = stored[name] else { throw FormatError.unknownTensor(file: file, name: name) }
    return tensor
  }

  private static func metadata(_ value: JSONValue, file: String) throws -> [String: String] {
    guard case .object(let members) = value else {
      throw FormatError.invalidField(
        file: file, format: "safetensors", field: "__metadata__", value: value.summary,
        expected: "an object of strings")
    }
    var metadata: [String: String] = [:]
    for (key, entry) in members {
      guard case .string(let text) = entry else {
        throw FormatError.invalidField(
          file: file, format: "safetensors", field: "__metadata__.\(key)", value: entry.summary,
          expected: "a string")
      }
      metadata[key] = text
    }
    return metadata
  }

  private static func entry(
    named name: String, _ value: JSONValue, file: String
  ) throws -> (info: TensorInfo, offsets: (begin: Int, end: Int)) {
    func invalid(_ field: String, _ found: String, _ expected: String) -> FormatError {
      FormatError.invalidField(
        file: file, format: "safetensors", field: "\"\(name)\"\(field)", value: found, expected: expected)
    }
    guard case .object(let members) = value else {
      throw invalid("", value.summary, "an object with dtype, shape and data_offsets")
    }
    func member(_ key: String) throws -> JSONValue {
      guard let found = members.first(where: { $0.key == key }) else {
        throw invalid(".\(key)", "missing", "present")
      }
      return found.value
    }
    let dtypeValue = try member("dtype")
    guard case .string(let dtypeName) = dtypeValue, let dtype = TensorDType(rawValue: dtypeName) else {
      throw invalid(
        ".dtype", dtypeValue.summary, "one of " + TensorDType.allCases.map(\.rawValue).joined(separator: " "))
    }
    func integers(_ key: String, count: Int?) throws -> [Int] {
      let list = try member(key)
      guard case .array(let items) = list, count.map({ $0 == items.count }) ?? true else {
        throw invalid(
          ".\(key)", list.summary, count.map { "an array of \($0) integers" } ?? "an array of integers")
      }
      return try items.map { item in
        guard let integer = item.nonNegativeInteger else {
          throw invalid(".\(key)", item.summary, "a non-negative integer below 2⁶³")
        }
        return integer
      }
    }
    let shape = try integers("shape", count: nil)
    let offsets = try integers("data_offsets", count: 2)
    return (TensorInfo(name: name, dtype: dtype, shape: shape), (offsets[0], offsets[1]))
  }
}
