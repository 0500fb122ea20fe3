import Formats
import Foundation
import Testing

@testable import Datasets

@Suite("DatasetDownloader")
struct DatasetDownloaderTests {
  /// A fetch that copies a local file, standing in for the network.
  static let copyFetch: DatasetDownloader.Fetch = { source, destination in
    try FileManager.default.copyItem(at: source, to: destination)
  }

  static func remoteFile(_ name: String, data: Data, in directory: URL, digest: String? = nil) throws
    -> RemoteFile
  {
    let url = directory.appendingPathComponent("served-" + name)
    try data.write(to: url)
    return RemoteFile(name: name, url: url, sha256: digest ?? SHA256.hex(of: data))
  }

  @Test("a file with the right digest is installed under its name, with no temporary left")
  func install() async throws {
    let server = try TemporaryDirectory()
    let target = try TemporaryDirectory()
    let file = try Self.remoteFile("a.gz", data: Data("payload".utf8), in: server.url)
    let url = try await DatasetDownloader(fetch: Self.copyFetch).install(file, into: target.url)
    #expect(try Data(contentsOf: url) == Data("payload".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: target.url.path) == ["a.gz"])
  }

  @Test("a checksum mismatch throws and leaves no file behind")
  func mismatch() async throws {
    let server = try TemporaryDirectory()
    let target = try TemporaryDirectory()
    let file = try Self.remoteFile(
      "a.gz", data: Data("tampered".utf8), in: server.url, digest: String(repeating: "0", count: 64))
    await #expect(
      throws: DatasetError.checksumMismatch(
        file: file.url.absoluteString, expected: file.sha256, actual: SHA256.hex(of: Data("tampered".utf8)))
    ) {
      try await DatasetDownloader(fetch: Self.copyFetch).install(file, into: target.url)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: target.url.path).isEmpty)
  }

  @Test("a failed fetch becomes a download error and leaves no file behind")
  func failedFetch() async throws {
    let target = try TemporaryDirectory()
    let file = RemoteFile(name: "x", url: URL(fileURLWithPath: "/nonexistent/x"), sha256: "")
    await #expect(throws: DatasetError.self) {
      try await DatasetDownloader(fetch: Self.copyFetch).install(file, into: target.url)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: target.url.path).isEmpty)
  }

  @Test("a present file with the right digest is not fetched again")
  func skipsVerified() async throws {
    let target = try TemporaryDirectory()
    let data = Data("kept".utf8)
    try data.write(to: target.url.appendingPathComponent("k"))
    let file = RemoteFile(
      name: "k", url: URL(fileURLWithPath: "/nonexistent/k"), sha256: SHA256.hex(of: data))
    let failing: DatasetDownloader.Fetch = { _, _ in Issue.record("fetched a verified file") }
    _ = try await DatasetDownloader(fetch: failing).install(file, into: target.url)
  }

  @Test("the default fetch copies file:// URLs (a local mirror)")
  func urlSession() async throws {
    let server = try TemporaryDirectory()
    let target = try TemporaryDirectory()
    let file = try Self.remoteFile("u.bin", data: Data(repeating: 7, count: 10_000), in: server.url)
    let url = try await DatasetDownloader().install(file, into: target.url)
    #expect(try Data(contentsOf: url) == Data(repeating: 7, count: 10_000))
  }

  @Test(
    "downloads an MNIST-style dataset and an archive, which is extracted and removed; the loaders read both")
  func downloadAndLoad() async throws {
    let server = try TemporaryDirectory()
    try Fixtures.writeIDX(in: server.url, prefix: "train", count: 4, gzip: true)
    try Fixtures.writeIDX(in: server.url, prefix: "t10k", count: 2, gzip: true)
    let idxFiles = try FileManager.default.contentsOfDirectory(atPath: server.url.path).sorted().map { name in
      let url = server.url.appendingPathComponent(name)
      return RemoteFile(name: name, url: url, sha256: try SHA256.hex(ofFileAt: url))
    }
    let batches = server.url.appendingPathComponent("cifar-10-batches-bin")
    try Fixtures.writeCIFAR(
      in: batches, names: (1...5).map { "data_batch_\($0).bin" } + ["test_batch.bin"], perBatch: 1)
    let archive = server.url.appendingPathComponent("cifar.tar.gz")
    let tar = Process()
    tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    tar.arguments = ["tar", "-czf", archive.path, "-C", server.url.path, "cifar-10-batches-bin"]
    try tar.run()
    tar.waitUntilExit()
    let archiveFile = RemoteFile(
      name: "cifar-10-binary.tar.gz", url: archive, sha256: try SHA256.hex(ofFileAt: archive), isArchive: true
    )

    let catalog: @Sendable (DatasetKind) -> [RemoteFile] = { $0 == .cifar10 ? [archiveFile] : idxFiles }
    let downloader = DatasetDownloader(fetch: Self.copyFetch, catalog: catalog)
    let cache = try TemporaryDirectory()
    // The downloader installs into the locator's cache, where loading finds the files (CIFAR-10 has
    // no system directory, so nothing outside the temporary cache can interfere).
    let locator = DatasetLocator(environment: ["XDG_CACHE_HOME": cache.url.path])
    let mnistDirectory = locator.cacheDirectory(for: .mnist)
    try await downloader.download(.mnist, into: mnistDirectory)
    try await downloader.download(.cifar10, into: locator.cacheDirectory(for: .cifar10))
    #expect(try ImageDataset.mnist(directory: mnistDirectory, split: .train).count == 4)
    #expect(try ImageDataset.load(.cifar10, split: .train, locator: locator).count == 5)
    #expect(try ImageDataset.load(.cifar10, split: .test, locator: locator).count == 1)
    let archiveLeft = locator.cacheDirectory(for: .cifar10).appendingPathComponent("cifar-10-binary.tar.gz")
    #expect(!FileManager.default.fileExists(atPath: archiveLeft.path))

    // A second download finds everything in place and fetches nothing.
    let refusing = DatasetDownloader(fetch: { _, _ in Issue.record("fetched again") }, catalog: catalog)
    try await refusing.download(.mnist, into: mnistDirectory)
    try await refusing.download(.cifar10, into: locator.cacheDirectory(for: .cifar10))
  }

  @Test("a damaged archive is an extraction error carrying tar's message")
  func badArchive() throws {
    let directory = try TemporaryDirectory()
    let archive = directory.url.appendingPathComponent("bad.tar.gz")
    try Data("not an archive".utf8).write(to: archive)
    #expect {
      try DatasetDownloader.extract(archive: archive, into: directory.url)
    } throws: { error in
      guard case .extractionFailed(let path, let reason)? = error as? DatasetError else { return false }
      return path == archive.path && reason.contains("tar exited with status")
    }
  }
}
