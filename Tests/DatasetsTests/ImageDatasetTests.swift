import Foundation
import Testing

@testable import Datasets

@Suite("ImageDataset")
struct ImageDatasetTests {
  @Test("exposes NCHW extents and per-class counts")
  func extents() {
    let dataset = Fixtures.dataset(perClass: [3, 1, 2])
    #expect(dataset.count == 6 && dataset.channels == 2 && dataset.height == 2 && dataset.width == 2)
    #expect(dataset.sampleSize == 8)
    #expect(dataset.classCounts == [3, 1, 2])
  }

  @Test("load(_:split:locator:) reads the first candidate directory that has the files")
  func loadThroughLocator() throws {
    let root = try TemporaryDirectory()
    let nested = root.url.appendingPathComponent("mnist")
    try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
    try Fixtures.writeIDX(in: nested, prefix: "t10k", count: 5, gzip: true)
    let dataset = try ImageDataset.load(
      .mnist, split: .test, locator: DatasetLocator(dataDirectory: root.url))
    #expect(dataset.count == 5 && dataset.name == "MNIST test")
  }

  @Test("scaledImages maps bytes 0…255 to x/255")
  func scaling() {
    let tensor = ImageDataset.scaledImages([0, 51, 255], shape: [1, 1, 1, 3])
    // x/255 is one correctly rounded Float division: exact for 0 and 255, nearest Float for 51/255.
    #expect(tensor.array == [0, Float(51) / 255, 1])
  }
}
