import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whole-file writes that readers never see half done.
///
/// The bytes go to a temporary file in the destination's directory (so the final step stays on
/// one file system), are flushed to disk, and the temporary is then renamed over the destination:
/// POSIX `rename` replaces atomically, so a reader sees the old file or the new one, never a mix.
public enum AtomicFile {
  /// Writes `data` to `url` atomically, replacing any existing file.
  public static func write(_ data: Data, to url: URL) throws {
    let temporary = temporaryURL(beside: url)
    do {
      guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
        throw FormatError.unreadable(file: temporary.path, reason: "cannot create a temporary file")
      }
      let handle = try FileHandle(forWritingTo: temporary)
      defer { try? handle.close() }
      try handle.write(contentsOf: data)
      try handle.synchronize()
      try replace(url, with: temporary)
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      if let error = error as? FormatError { throw error }
      throw FormatError.unreadable(file: url.path, reason: error.localizedDescription)
    }
  }

  /// Renames `source` over `destination` (POSIX `rename`, atomic within one file system).
  public static func replace(_ destination: URL, with source: URL) throws {
    guard rename(source.path, destination.path) == 0 else {
      let reason = String(cString: strerror(errno))
      throw FormatError.unreadable(
        file: destination.path, reason: "rename from \(source.path) failed: \(reason)")
    }
  }

  /// A fresh, hidden name in the directory of `url`: `.<name>.<random>.tmp`.
  public static func temporaryURL(beside url: URL) -> URL {
    let token = UInt64.random(in: 0...UInt64.max)
    let name = ".\(url.lastPathComponent).\(String(token, radix: 36)).tmp"
    return url.deletingLastPathComponent().appendingPathComponent(name)
  }
}
