import Testing

@testable import Datasets

@Suite("DatasetKind")
struct DatasetKindTests {
  @Test("names, file names and the Debian package hint")
  func names() {
    #expect(DatasetKind(rawValue: "fashion-mnist") == .fashionMNIST)
    #expect(DatasetKind.allCases.map(\.displayName) == ["MNIST", "Fashion-MNIST", "CIFAR-10"])
    #expect(DatasetKind.fashionMNIST.howToGet.contains("apt-get install dataset-fashion-mnist"))
    #expect(DatasetKind.cifar10.fileNames(for: .train).count == 5)
    #expect(DatasetKind.mnist.fileNames(for: .test) == ["t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"])
  }
}
