import Foundation

/// A NumPy `.npz` archive (`numpy.savez` / `savez_compressed`): a ZIP of `.npy` members, one tensor
/// each, named after the member without `.npy`. Read from a memory-mapped file.
///
/// Opening parses the central directory (see ``ZipArchive`` for what is accepted) and every member's
/// `.npy` header, verifying each member's CRC-32; deflated members are inflated one at a time for
/// that and then released. Reading a tensor maps a stored member in place, or inflates a deflated
/// one into a buffer that lives only during the call (plus a conversion buffer when the values are
/// not aligned little-endian C-order `F32`). Every member must be named `*.npy`.
public struct NpzFile: TensorContainer, Sendable {
  /// The path or name used in error messages.
  public let file: String
  /// The tensors in archive order.
  public let tensors: [TensorInfo]

  private let bytes: Data
  private let members: [String: ZipArchive.Member]

  /// Maps and validates the archive at `url`.
  public init(url: URL) throws {
    try self.init(data: MappedFile.bytes(of: url), file: url.path)
  }

  /// Validates `.npz` bytes; `file` names them in errors.
  public init(data: Data, file: String) throws {
    let archive = try ZipArchive(data: data, file: file)
    var tensors: [TensorInfo] = []
    var members: [String: ZipArchive.Member] = [:]
    for member in archive.members {
      guard member.name.hasSuffix(".npy") else {
        throw FormatError.invalidField(
          file: file, format: ZipArchive.format, field: "member name", value: "\"\(member.name)\"",
          expected: "a name ending in .npy")
      }
      let name = String(member.name.dropLast(4))
      let contents = try ZipArchive.contents(of: member, in: data, file: file)
      tensors.append(try NpyFile(data: contents, file: "\(file)[\(member.name)]", name: name).info)
      members[name] = member
    }
    self.file = file
    self.tensors = tensors
    self.bytes = data
    self.members = members
  }

  /// The `.npy` array of tensor `name` (for a deflated member, it holds the inflated bytes).
  public func array(named name: String) throws -> NpyFile {
    guard let member = members[name] else { throw FormatError.unknownTensor(file: file, name: name) }
    let contents = try ZipArchive.contents(of: member, in: bytes, file: file)
    return try NpyFile(data: contents, file: "\(file)[\(member.name)]", name: name)
  }

  /// Calls `body` with the values of tensor `name` as `Float`s, row-major (see ``TensorContainer``).
  public func withValues<R>(of name: String, _ body: (UnsafeBufferPointer<Float>) throws -> R) throws -> R {
    try array(named: name).withValues(body)
  }

  /// Calls `body` with the values of tensor `name` as `Double`s, row-major.
  public func withDoubleValues<R>(of name: String, _ body: (UnsafeBufferPointer<Double>) throws -> R) throws
    -> R
  {
    try array(named: name).withDoubleValues(body)
  }
}
