import Datasets
import Foundation

/// The data of a run: the stratified training subset (minus the validation split), the full test
/// set, and the validation split if any, all normalized with the training subset's statistics.
public struct ExperimentData: Sendable {
  public var train: ImageDataset
  public var test: ImageDataset
  public var validation: ImageDataset?
  public var normalization: Normalization

  /// Loads and prepares the data `configuration` describes. Subset and split draw from the run's seed.
  public static func load(_ configuration: RunConfiguration) throws -> ExperimentData {
    let locator = DatasetLocator(dataDirectory: configuration.dataDirectory.map { URL(fileURLWithPath: $0) })
    var train = try ImageDataset.load(configuration.dataset, split: .train, locator: locator)
    let test = try ImageDataset.load(configuration.dataset, split: .test, locator: locator)
    if let n = configuration.trainingSamples, n < train.count {
      train = try train.stratifiedSubset(count: n, seed: configuration.training.seed)
    }
    var validation: ImageDataset?
    if configuration.validationFraction > 0 {
      let parts = try train.split(
        validationFraction: configuration.validationFraction, seed: configuration.training.seed)
      train = parts.train
      validation = parts.validation
    }
    let normalization = Normalization(fitting: train)
    for set in [train, test] + (validation.map { [$0] } ?? []) { normalization.apply(to: set) }
    return ExperimentData(train: train, test: test, validation: validation, normalization: normalization)
  }
}
