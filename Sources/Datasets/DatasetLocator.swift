import Foundation

/// Where dataset files are looked for, in order.
///
/// - With an explicit data directory (`--data-dir D`): `D`, then `D/<name>` (e.g. `D/fashion-mnist`),
///   and nothing else.
/// - Otherwise: the Debian package's directory (`/usr/share/datasets/<name>`, for MNIST and
///   Fashion-MNIST), then the user cache `~/.cache/infogeo/<name>` (or `$XDG_CACHE_HOME/infogeo/<name>`),
///   where ``DatasetDownloader`` installs files.
///
/// `<name>` is the kind's raw value: `mnist`, `fashion-mnist`, `cifar-10`.
public struct DatasetLocator: Sendable {
  /// The directory given on the command line, if any; it replaces the default search.
  public let dataDirectory: URL?
  /// The root of the user cache, `~/.cache/infogeo`.
  public let cacheRoot: URL

  /// - Parameter environment: consulted for `XDG_CACHE_HOME` and `HOME` (injectable for tests).
  public init(dataDirectory: URL? = nil, environment: [String: String] = ProcessInfo.processInfo.environment)
  {
    self.dataDirectory = dataDirectory
    let base: URL
    if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
      base = URL(fileURLWithPath: xdg, isDirectory: true)
    } else {
      let home = environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
      base = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".cache", isDirectory: true)
    }
    cacheRoot = base.appendingPathComponent("infogeo", isDirectory: true)
  }

  /// The download cache of one dataset: `<cacheRoot>/<name>`.
  public func cacheDirectory(for kind: DatasetKind) -> URL {
    cacheRoot.appendingPathComponent(kind.rawValue, isDirectory: true)
  }

  /// The directories searched for `kind`, in order.
  public func candidates(for kind: DatasetKind) -> [URL] {
    if let dataDirectory {
      return [dataDirectory, dataDirectory.appendingPathComponent(kind.rawValue, isDirectory: true)]
    }
    return [kind.systemDirectory, cacheDirectory(for: kind)].compactMap { $0 }
  }

  /// The first candidate directory that holds every file of `split`.
  /// - Throws: ``DatasetError/missingFiles(dataset:files:searched:howToGet:)`` naming all candidates.
  public func directory(for kind: DatasetKind, split: DatasetSplit) throws -> URL {
    let candidates = candidates(for: kind)
    if let found = candidates.first(where: { Self.missingFiles(kind, split: split, in: $0).isEmpty }) {
      return found
    }
    throw DatasetError.missingFiles(
      dataset: kind.displayName, files: Self.missingFiles(kind, split: split, in: candidates[0]),
      searched: candidates.map(\.path), howToGet: kind.howToGet)
  }

  // MARK: - File lookup shared with the loaders

  /// The CIFAR-10 archive's folder name, accepted inside a data directory.
  static let cifarSubdirectory = "cifar-10-batches-bin"

  /// The file `name` in `directory`, or `name.gz` if only the compressed file is there.
  static func file(named name: String, in directory: URL, gzipAllowed: Bool) -> URL? {
    let plain = directory.appendingPathComponent(name)
    if FileManager.default.fileExists(atPath: plain.path) { return plain }
    let compressed = directory.appendingPathComponent(name + ".gz")
    return gzipAllowed && FileManager.default.fileExists(atPath: compressed.path) ? compressed : nil
  }

  /// The directory that actually holds the files of `kind`: `directory` itself or, for CIFAR-10,
  /// its `cifar-10-batches-bin` folder if that one has the batches.
  static func filesDirectory(_ kind: DatasetKind, split: DatasetSplit, in directory: URL) -> URL {
    guard kind == .cifar10 else { return directory }
    let nested = directory.appendingPathComponent(cifarSubdirectory, isDirectory: true)
    let nestedHasFiles = kind.fileNames(for: split).allSatisfy {
      file(named: $0, in: nested, gzipAllowed: false) != nil
    }
    return nestedHasFiles ? nested : directory
  }

  /// The names (with `[.gz]` where a compressed copy would do) of the files of `split` absent from
  /// `directory`.
  static func missingFiles(_ kind: DatasetKind, split: DatasetSplit, in directory: URL) -> [String] {
    let gzipAllowed = kind != .cifar10
    let folder = filesDirectory(kind, split: split, in: directory)
    return kind.fileNames(for: split)
      .filter { file(named: $0, in: folder, gzipAllowed: gzipAllowed) == nil }
      .map { gzipAllowed ? $0 + "[.gz]" : $0 }
  }
}
