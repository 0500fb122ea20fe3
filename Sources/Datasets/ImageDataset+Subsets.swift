import TensorCore

extension ImageDataset {
  /// The random stream label of ``stratifiedSubset(count:seed:)`` (see `RandomGenerator(seed:stream:)`).
  public static let subsetStream: UInt64 = 3
  /// The random stream label of ``split(validationFraction:seed:)``.
  public static let splitStream: UInt64 = 4

  /// The sample indices of each class, ascending, indexed by label.
  public var indicesByClass: [[Int]] {
    var result = [[Int]](repeating: [], count: classCount)
    for (index, label) in labels.enumerated() { result[Int(label)].append(index) }
    return result
  }

  /// A copy of the samples at `indices`, in that order.
  public func subset(indices: [Int], name: String) -> ImageDataset {
    let images = Tensor(zeros: [indices.count, channels, height, width])
    var labels: [Int32] = []
    labels.reserveCapacity(indices.count)
    gather(indices: indices[...], images: images, labels: &labels)
    return ImageDataset(name: name, images: images, labels: labels, classCount: classCount)
  }

  /// `count` samples with the classes as equally represented as possible: each class gets
  /// ⌊count / classCount⌋ samples and the first `count mod classCount` classes (by label) one more.
  ///
  /// Within each class the samples are a uniform random choice, drawn with
  /// `RandomGenerator(seed: seed, stream: subsetStream)`: the same seed gives the same subset on
  /// every machine. The result keeps the original order of the chosen samples.
  /// - Throws: ``DatasetError/notEnoughSamples(dataset:label:needed:available:)`` if a class has fewer
  ///   samples than its share; ``DatasetError/invalidArgument(name:value:expected:)`` for a negative count.
  public func stratifiedSubset(count: Int, seed: UInt64) throws -> ImageDataset {
    guard count >= 0 else {
      throw DatasetError.invalidArgument(name: "subset count", value: "\(count)", expected: "0 or more")
    }
    var random = RandomGenerator(seed: seed, stream: Self.subsetStream)
    var chosen: [Int] = []
    for (label, var members) in indicesByClass.enumerated() {
      let share = count / classCount + (label < count % classCount ? 1 : 0)
      guard members.count >= share else {
        throw DatasetError.notEnoughSamples(
          dataset: name, label: label, needed: share, available: members.count)
      }
      random.shuffle(&members)
      chosen += members.prefix(share)
    }
    chosen.sort()
    return subset(indices: chosen, name: "\(name) (stratified \(count))")
  }

  /// Splits the samples into a training part and a validation part, class by class: of the n_c
  /// samples of class c, round(validationFraction · n_c) go to validation (chosen uniformly with
  /// `RandomGenerator(seed: seed, stream: splitStream)`), the rest to training. Both parts keep the
  /// original order and together hold every sample exactly once.
  /// - Throws: ``DatasetError/invalidArgument(name:value:expected:)`` unless 0 < fraction < 1.
  public func split(validationFraction: Double, seed: UInt64) throws -> (
    train: ImageDataset, validation: ImageDataset
  ) {
    guard validationFraction > 0, validationFraction < 1 else {
      throw DatasetError.invalidArgument(
        name: "validation fraction", value: "\(validationFraction)", expected: "a number between 0 and 1")
    }
    var random = RandomGenerator(seed: seed, stream: Self.splitStream)
    var train: [Int] = []
    var validation: [Int] = []
    for var members in indicesByClass {
      let held = Int((validationFraction * Double(members.count)).rounded())
      random.shuffle(&members)
      validation += members.prefix(held)
      train += members.dropFirst(held)
    }
    return (
      subset(indices: train.sorted(), name: "\(name) (train part)"),
      subset(indices: validation.sorted(), name: "\(name) (validation part)")
    )
  }
}
