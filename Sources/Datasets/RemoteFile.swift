import Foundation

/// A file published on the web with its SHA-256 digest, as the downloader fetches it.
public struct RemoteFile: Sendable, Equatable {
  /// The file name in the dataset directory.
  public let name: String
  /// Where to fetch it.
  public let url: URL
  /// Its SHA-256 digest, 64 lowercase hex digits.
  public let sha256: String
  /// Whether it is a `.tar.gz` archive to extract into the dataset directory (then deleted).
  public let isArchive: Bool

  public init(name: String, url: URL, sha256: String, isArchive: Bool = false) {
    self.name = name
    self.url = url
    self.sha256 = sha256
    self.isArchive = isArchive
  }

  /// The published files of each dataset.
  ///
  /// | dataset       | source                                                            |
  /// |---------------|-------------------------------------------------------------------|
  /// | MNIST         | PyTorch's mirror `https://ossci-datasets.s3.amazonaws.com/mnist/` |
  /// | Fashion-MNIST | Zalando Research's bucket `fashion-mnist` (eu-central-1)          |
  /// | CIFAR-10      | A. Krizhevsky's page, `cifar-10-binary.tar.gz` (binary version)   |
  ///
  /// The digests are those of the original files (the same ones TensorFlow Datasets and torchvision
  /// pin). Debian's `dataset-fashion-mnist` recompressed its `.gz` files, so their digests differ;
  /// the loaders never check digests, only the downloader does. The Fashion-MNIST bucket is served
  /// over plain HTTP only: the SHA-256 check is what makes that safe.
  public static func sources(for kind: DatasetKind) -> [RemoteFile] {
    switch kind {
    case .mnist:
      return idx(
        base: "https://ossci-datasets.s3.amazonaws.com/mnist/",
        digests: [
          "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
          "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
          "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
          "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
        ])
    case .fashionMNIST:
      return idx(
        base: "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
        digests: [
          "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
          "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
          "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
          "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
        ])
    case .cifar10:
      return [
        RemoteFile(
          name: "cifar-10-binary.tar.gz",
          url: URL(string: "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz")!,
          sha256: "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd", isArchive: true)
      ]
    }
  }

  /// The four gzipped IDX files (train images, train labels, test images, test labels) under `base`.
  private static func idx(base: String, digests: [String]) -> [RemoteFile] {
    let names = DatasetKind.mnist.fileNames(for: .train) + DatasetKind.mnist.fileNames(for: .test)
    return zip(names, digests).map { name, digest in
      RemoteFile(name: name + ".gz", url: URL(string: base + name + ".gz")!, sha256: digest)
    }
  }
}
