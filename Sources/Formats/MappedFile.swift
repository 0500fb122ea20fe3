import Foundation

/// Whole files mapped into memory, so readers touch only the pages of the tensors they convert.
enum MappedFile {
  /// The bytes of the file at `url`, memory-mapped (`Data.ReadingOptions.alwaysMapped`).
  static func bytes(of url: URL) throws -> Data {
    do {
      return try Data(contentsOf: url, options: .alwaysMapped)
    } catch {
      throw FormatError.unreadable(file: url.path, reason: error.localizedDescription)
    }
  }
}
