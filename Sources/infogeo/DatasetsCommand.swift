import CommandKit
import Datasets
import Foundation

/// `infogeo datasets`: where each dataset was found, or how to get it.
enum DatasetsCommand: Command {
  static let spec = CommandSpec(
    name: "datasets", abstract: "List the datasets, where their files are, and how to get missing ones.",
    options: [.value("data-dir", "DIR", "Look only in DIR (and DIR/<name>).")])

  static func run(_ arguments: ParsedArguments) throws {
    let locator = DatasetLocator(dataDirectory: arguments.string("data-dir").map { URL(fileURLWithPath: $0) })
    for kind in DatasetKind.allCases {
      let found = DatasetSplit.allCases.compactMap { try? locator.directory(for: kind, split: $0) }
      if found.count == DatasetSplit.allCases.count {
        print("\(kind.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)) found in \(found[0].path)")
      } else {
        print(
          "\(kind.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)) missing — \(kind.howToGet)")
      }
    }
  }
}

/// `infogeo datasets download NAME`: fetch from the public mirrors, verify SHA-256, install.
enum DatasetsDownloadCommand: Command {
  static let spec = CommandSpec(
    name: "datasets download",
    abstract: "Download a dataset from its public mirror and verify its SHA-256 sums.",
    positionals: [PositionalSpec("NAME", "mnist, fashion-mnist or cifar-10")],
    options: [
      .value("data-dir", "DIR", "Install into DIR instead of the user cache (~/.cache/infogeo/NAME).")
    ])

  static func validate(_ arguments: ParsedArguments) throws(UsageError) {
    guard let name = arguments.positional(0), DatasetKind(rawValue: name) != nil else {
      throw UsageError(
        command: spec.name,
        message:
          "unknown dataset '\(arguments.positional(0) ?? "")' (expected mnist, fashion-mnist or cifar-10)")
    }
  }

  static func run(_ arguments: ParsedArguments) throws {
    let kind = DatasetKind(rawValue: arguments.positional(0)!)!
    let directory =
      arguments.string("data-dir").map { URL(fileURLWithPath: $0) }
      ?? DatasetLocator().cacheDirectory(for: kind)
    try runBlocking {
      try await DatasetDownloader().download(kind, into: directory) { print($0) }
    }
    print("\(kind.displayName) is installed in \(directory.path)")
  }
}

/// Runs an async function to completion from synchronous code.
func runBlocking(_ body: @escaping @Sendable () async throws -> Void) throws {
  let done = DispatchSemaphore(value: 0)
  nonisolated(unsafe) var failure: Error?
  Task {
    do { try await body() } catch { failure = error }
    done.signal()
  }
  done.wait()
  if let failure { throw failure }
}
