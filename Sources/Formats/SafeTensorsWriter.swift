import Foundation

/// Writes `F32` safetensors files, one per parameter snapshot, readable by ``SafeTensorsFile`` and by
/// the reference `safetensors` library.
///
/// The header lists `"__metadata__"` (if any) and then the tensors in ascending name order (by
/// Unicode scalars), whose data follow back to back in that same order; the JSON is padded with
/// spaces to a multiple of 8 bytes, as the reference writer does, so the data section starts
/// 8-byte aligned. Elements are written in the host's byte order, which is little-endian on every
/// platform this package supports (x86-64, arm64). The file appears atomically (``AtomicFile``).
public enum SafeTensorsWriter {
  /// One tensor to write: its name, shape and a way to reach its `Π shape` values without a copy.
  public struct Entry {
    /// The key in the header, e.g. `"layers.0.weight"`.
    public let name: String
    /// The extents, outermost first; the tensor has `Π shape` values.
    public let shape: [Int]
    let withValues: ((UnsafeBufferPointer<Float>) throws -> Void) throws -> Void

    /// A tensor whose values are in an array.
    public init(name: String, shape: [Int], values: [Float]) {
      self.init(name: name, shape: shape) { body in try values.withUnsafeBufferPointer(body) }
    }

    /// A tensor whose values are lent by `withValues` (for example a `Tensor`'s storage), which must
    /// call its argument once with `Π shape` elements.
    public init(
      name: String, shape: [Int],
      withValues: @escaping ((UnsafeBufferPointer<Float>) throws -> Void) throws -> Void
    ) {
      self.name = name
      self.shape = shape
      self.withValues = withValues
    }
  }

  /// Writes `tensors` (names unique, none `"__metadata__"`) and `metadata` to `url`, replacing any
  /// file there.
  public static func write(_ tensors: [Entry], metadata: [String: String] = [:], to url: URL) throws {
    let sorted = tensors.sorted { $0.name.unicodeScalars.lexicographicallyPrecedes($1.name.unicodeScalars) }
    precondition(Set(sorted.map(\.name)).count == sorted.count, "safetensors tensor names must be unique")
    precondition(!sorted.contains { $0.name == "__metadata__" }, "\"__metadata__\" is not a tensor name")
    let temporary = AtomicFile.temporaryURL(beside: url)
    do {
      guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
        throw FormatError.unreadable(file: temporary.path, reason: "cannot create a temporary file")
      }
      let handle = try FileHandle(forWritingTo: temporary)
      defer { try? handle.close() }
      try handle.write(contentsOf: header(sorted, metadata: metadata))
      for entry in sorted {
        let expected = entry.shape.reduce(1, *)
        try entry.withValues { values in
          precondition(
            values.count == expected, "\(entry.name): \(values.count) values for shape \(entry.shape)")
          try handle.write(contentsOf: UnsafeRawBufferPointer(values))
        }
      }
      try handle.synchronize()
      try AtomicFile.replace(url, with: temporary)
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      if let error = error as? FormatError { throw error }
      throw FormatError.unreadable(file: url.path, reason: error.localizedDescription)
    }
  }

  /// The 8-byte size and the space-padded JSON header for `sorted` (already in name order).
  static func header(_ sorted: [Entry], metadata: [String: String]) -> Data {
    var members: [String] = []
    if !metadata.isEmpty {
      let pairs = metadata.sorted { $0.key < $1.key }.map {
        JSONValue.quoted($0.key) + ":" + JSONValue.quoted($0.value)
      }
      members.append("\"__metadata__\":{" + pairs.joined(separator: ",") + "}")
    }
    var offset = 0
    for entry in sorted {
      let end = offset + entry.shape.reduce(TensorDType.float32.byteCount, *)
      let shape = entry.shape.map(String.init).joined(separator: ",")
      members.append(
        JSONValue.quoted(entry.name)
          + ":{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(end)]}")
      offset = end
    }
    var json = Array(("{" + members.joined(separator: ",") + "}").utf8)
    json += [UInt8](repeating: UInt8(ascii: " "), count: (8 - json.count % 8) % 8)
    let size = UInt64(json.count)
    return Data((0..<8).map { UInt8(truncatingIfNeeded: size >> (8 * UInt64($0))) } + json)
  }
}
