import Testing

@testable import Datasets

@Suite("DatasetError")
struct DatasetErrorTests {
  @Test("messages are one line naming the dataset or file and what was expected")
  func messages() {
    let errors: [DatasetError] = [
      .countMismatch(dataset: "MNIST", imagesFile: "i", images: 3, labelsFile: "l", labels: 2),
      .unexpectedShape(dataset: "MNIST", file: "l", dimensions: [2, 1], expected: "count"),
      .notEnoughSamples(dataset: "toy", label: 1, needed: 9, available: 8),
      .checksumMismatch(file: "f", expected: "aa", actual: "bb"),
    ]
    #expect(
      errors.map(\.description) == [
        "MNIST: i holds 3 images but l holds 2 labels",
        "MNIST: l holds an array of shape 2×1, expected count",
        "toy: class 1 has 8 samples, 9 needed for the stratified subset",
        "f: SHA-256 is bb, expected aa; the download was deleted",
      ])
    #expect(errors.allSatisfy { !$0.description.contains("\n") })
  }
}
