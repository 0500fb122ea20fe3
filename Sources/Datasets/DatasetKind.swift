import Foundation

/// The image-classification datasets the project reads.
public enum DatasetKind: String, CaseIterable, Codable, Sendable {
  case mnist = "mnist"
  case fashionMNIST = "fashion-mnist"
  case cifar10 = "cifar-10"

  /// The dataset's usual written name, used in messages: `MNIST`, `Fashion-MNIST`, `CIFAR-10`.
  public var displayName: String {
    switch self {
    case .mnist: "MNIST"
    case .fashionMNIST: "Fashion-MNIST"
    case .cifar10: "CIFAR-10"
    }
  }

  /// Number of classes (labels are `0..<classCount`).
  public var classCount: Int { 10 }

  /// Where a Debian package installs the dataset, if one does (Fashion-MNIST: `dataset-fashion-mnist`).
  public var systemDirectory: URL? {
    switch self {
    case .mnist: URL(fileURLWithPath: "/usr/share/datasets/mnist", isDirectory: true)
    case .fashionMNIST: URL(fileURLWithPath: "/usr/share/datasets/fashion-mnist", isDirectory: true)
    case .cifar10: nil
    }
  }

  /// One sentence telling a user how to obtain the files.
  public var howToGet: String {
    switch self {
    case .mnist:
      "Get it with `infogeo datasets download mnist`, or put the four IDX files there."
    case .fashionMNIST:
      "Get it with `apt-get install dataset-fashion-mnist`, or `infogeo datasets download fashion-mnist`."
    case .cifar10:
      "Get it with `infogeo datasets download cifar-10`, or extract cifar-10-binary.tar.gz"
        + " (https://www.cs.toronto.edu/~kriz/cifar.html) there."
    }
  }

  /// The files a split needs, as stored on disk. IDX files may also carry a `.gz` suffix.
  public func fileNames(for split: DatasetSplit) -> [String] {
    switch (self, split) {
    case (.mnist, .train), (.fashionMNIST, .train): ["train-images-idx3-ubyte", "train-labels-idx1-ubyte"]
    case (.mnist, .test), (.fashionMNIST, .test): ["t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]
    case (.cifar10, .train): (1...5).map { "data_batch_\($0).bin" }
    case (.cifar10, .test): ["test_batch.bin"]
    }
  }
}

/// The standard partition of a dataset's files: the training set or the held-out test set.
public enum DatasetSplit: String, CaseIterable, Sendable {
  case train
  case test
}
