import Formats
import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Fetches a dataset's published files into a directory, verifying each SHA-256 digest before
/// the file takes its final name.
///
/// Each file is fetched to a hidden temporary file in the target directory, hashed, and renamed
/// into place only if the digest matches; on a mismatch or a failed fetch the temporary file is
/// deleted, so the directory never holds a partial or wrong file under a real name. A file already
/// present with the right digest is not fetched again. Archives (CIFAR-10's `.tar.gz`) are
/// extracted with the system's `tar` (`tar -xzf ARCHIVE -C DIRECTORY`, run as a child process) and
/// then deleted.
public struct DatasetDownloader: Sendable {
  /// Copies the resource at `source` to the file `destination` (which does not exist yet).
  public typealias Fetch = @Sendable (_ source: URL, _ destination: URL) async throws -> Void

  private let fetch: Fetch
  private let catalog: @Sendable (DatasetKind) -> [RemoteFile]

  /// - Parameters:
  ///   - fetch: how bytes are fetched; by default ``urlSessionFetch`` (HTTP(S) through URLSession).
  ///   - catalog: the files of each dataset; by default ``RemoteFile/sources(for:)``.
  public init(
    fetch: @escaping Fetch = DatasetDownloader.urlSessionFetch,
    catalog: @escaping @Sendable (DatasetKind) -> [RemoteFile] = RemoteFile.sources(for:)
  ) {
    self.fetch = fetch
    self.catalog = catalog
  }

  /// Downloads every file of `kind` into `directory` (created if needed), e.g.
  /// `DatasetLocator().cacheDirectory(for: kind)`, and extracts archives there.
  /// - Parameter log: called with one line per file (fetched, already present, extracted).
  public func download(_ kind: DatasetKind, into directory: URL, log: (String) -> Void = { _ in })
    async throws
  {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw FormatError.unreadable(file: directory.path, reason: error.localizedDescription)
    }
    let complete = DatasetSplit.allCases.allSatisfy {
      DatasetLocator.missingFiles(kind, split: $0, in: directory).isEmpty
    }
    for file in catalog(kind) {
      if file.isArchive && complete {
        log("\(file.name): already extracted in \(directory.path)")
        continue
      }
      let url = try await install(file, into: directory)
      log("\(file.name): verified (SHA-256 \(file.sha256.prefix(12))…)")
      if file.isArchive {
        try Self.extract(archive: url, into: directory)
        try? FileManager.default.removeItem(at: url)
        log("\(file.name): extracted into \(directory.path)")
      }
    }
  }

  /// Fetches one file into `directory` under `file.name`, unless a file with the right digest is
  /// already there, and returns its final location.
  /// - Throws: ``DatasetError/checksumMismatch(file:expected:actual:)`` (nothing is left behind),
  ///   ``DatasetError/downloadFailed(url:reason:)``.
  public func install(_ file: RemoteFile, into directory: URL) async throws -> URL {
    let destination = directory.appendingPathComponent(file.name)
    if FileManager.default.fileExists(atPath: destination.path),
      (try? SHA256.hex(ofFileAt: destination)) == file.sha256
    {
      return destination
    }
    let temporary = AtomicFile.temporaryURL(beside: destination)
    do {
      do {
        try await fetch(file.url, temporary)
      } catch let error as DatasetError {
        throw error
      } catch {
        throw DatasetError.downloadFailed(url: file.url.absoluteString, reason: "\(error)")
      }
      let digest = try SHA256.hex(ofFileAt: temporary)
      guard digest == file.sha256 else {
        throw DatasetError.checksumMismatch(
          file: file.url.absoluteString, expected: file.sha256, actual: digest)
      }
      try AtomicFile.replace(destination, with: temporary)
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw error
    }
    return destination
  }

  /// Fetches `http(s)://` URLs with `URLSession.shared` (a non-2xx status is a failure) and copies
  /// `file://` URLs (a local mirror), which URLSession does not serve on Linux.
  public static let urlSessionFetch: Fetch = { source, destination in
    if source.isFileURL {
      do { return try FileManager.default.copyItem(at: source, to: destination) } catch {
        throw DatasetError.downloadFailed(url: source.absoluteString, reason: error.localizedDescription)
      }
    }
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
      let task = URLSession.shared.downloadTask(with: source) { location, response, error in
        let failure = { (reason: String) in
          continuation.resume(
            throwing: DatasetError.downloadFailed(url: source.absoluteString, reason: reason))
        }
        if let error { return failure(error.localizedDescription) }
        if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
          return failure("HTTP status \(http.statusCode)")
        }
        guard let location else { return failure("no file received") }
        do {
          // URLSession deletes `location` when this handler returns: move (or copy) it now.
          try FileManager.default.moveItem(at: location, to: destination)
          continuation.resume()
        } catch {
          failure("cannot store the download at \(destination.path): \(error.localizedDescription)")
        }
      }
      task.resume()
    }
  }

  /// Runs `tar -xzf archive -C directory`; a non-zero exit status is an error carrying tar's stderr.
  static func extract(archive: URL, into directory: URL) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["tar", "-xzf", archive.path, "-C", directory.path]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw DatasetError.extractionFailed(
        archive: archive.path, reason: "cannot run tar: \(error.localizedDescription)")
    }
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      throw DatasetError.extractionFailed(
        archive: archive.path, reason: "tar exited with status \(process.terminationStatus): \(text)")
    }
  }
}
