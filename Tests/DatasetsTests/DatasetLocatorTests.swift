import Foundation
import Testing

@testable import Datasets

@Suite("DatasetLocator")
struct DatasetLocatorTests {
  @Test("default search: the Debian directory, then the user cache")
  func defaults() {
    let locator = DatasetLocator(environment: ["HOME": "/home/ada"])
    #expect(
      locator.candidates(for: .fashionMNIST).map(\.path) == [
        "/usr/share/datasets/fashion-mnist", "/home/ada/.cache/infogeo/fashion-mnist",
      ])
    #expect(
      locator.candidates(for: .mnist).map(\.path) == [
        "/usr/share/datasets/mnist", "/home/ada/.cache/infogeo/mnist",
      ])
    #expect(locator.candidates(for: .cifar10).map(\.path) == ["/home/ada/.cache/infogeo/cifar-10"])
  }

  @Test("XDG_CACHE_HOME moves the cache")
  func xdg() {
    let locator = DatasetLocator(environment: ["HOME": "/home/ada", "XDG_CACHE_HOME": "/var/cache/ada"])
    #expect(locator.cacheDirectory(for: .mnist).path == "/var/cache/ada/infogeo/mnist")
  }

  @Test("an explicit data directory replaces the default search")
  func explicit() {
    let locator = DatasetLocator(dataDirectory: URL(fileURLWithPath: "/data"), environment: ["HOME": "/h"])
    #expect(locator.candidates(for: .fashionMNIST).map(\.path) == ["/data", "/data/fashion-mnist"])
  }

  @Test("finds the installed Debian Fashion-MNIST")
  func debian() throws {
    let directory = try DatasetLocator(environment: ["HOME": "/nonexistent"]).directory(
      for: .fashionMNIST, split: .train)
    #expect(directory.path == "/usr/share/datasets/fashion-mnist")
  }

  @Test("nothing found: the error lists every directory searched")
  func missing() throws {
    let root = try TemporaryDirectory()
    let locator = DatasetLocator(dataDirectory: root.url)
    #expect {
      try locator.directory(for: .cifar10, split: .test)
    } throws: { error in
      "\(error)" == "CIFAR-10: test_batch.bin not found in \(root.url.path) or \(root.url.path)/cifar-10. "
        + DatasetKind.cifar10.howToGet
    }
  }
}
