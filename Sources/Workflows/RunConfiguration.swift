import Datasets
import Foundation
import InfoGeometry
import NeuralNet

/// Everything that determines a run, with every default filled in; written to config.json.
public struct RunConfiguration: Codable, Equatable, Sendable {
  public static let version = "0.1.0"

  public var infogeoVersion: String = RunConfiguration.version
  public var dataset: DatasetKind = .fashionMNIST
  /// Where the dataset files are; nil searches the standard places (Debian's package, the cache).
  public var dataDirectory: String?
  /// Size of the stratified training subset; nil uses the whole training set.
  public var trainingSamples: Int? = 2000
  /// Share of the training subset held out for validation (0: none).
  public var validationFraction: Double = 0
  public var model: ModelSpec = ModelSpec(kind: .mlp, widths: [256, 256])
  public var optimizer: OptimizerSettings = OptimizerSettings()
  public var training: Trainer.Configuration = {
    var c = Trainer.Configuration()
    c.epochs = 100
    return c
  }()
  /// The geometry monitor: all parameters together and each tensor alone, at every step.
  public var geometry: GeometryConfiguration = {
    var g = GeometryConfiguration()
    g.groups = [.all, .eachTensor]
    return g
  }()
  /// Threads for OpenBLAS and element-wise loops; 1 makes runs bit-for-bit reproducible.
  public var threads: Int = ProcessInfo.processInfo.activeProcessorCount
  /// The Keras-style baseline, when a validation split exists.
  public var earlyStopping: ValidationEarlyStopping.Settings?
  /// Stop at the data-free transition marker instead of training to the end.
  public var stopAtTransition: Bool = false
  /// Write the parameters as safetensors every this many steps (nil: never).
  public var saveParametersStride: Int?
  /// Set when the run was analysed from checkpoints written elsewhere (`infogeo analyze
  /// --checkpoints`) rather than trained here; the training settings then describe nothing.
  public var checkpointSource: String?

  public init() {}
}
