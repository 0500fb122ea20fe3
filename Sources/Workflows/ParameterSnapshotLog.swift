import Formats
import Foundation
import NeuralNet

/// Writes the model's parameters every `stride` steps as one safetensors file per snapshot,
/// `params/step-00000120.safetensors` (F32, the model's dotted names), read in place from the live
/// storage. safetensors sorts tensors by name; the model's own order is kept in the metadata
/// (``CheckpointSeries/tensorOrderKey``) so that an offline analysis groups and splits exactly as
/// the live monitor did. `infogeo analyze --checkpoints RUN/params` analyses them offline, and any framework
/// that reads safetensors can load them.
public final class ParameterSnapshotLog: StepObserver {
  public let directory: URL
  public let stride: Int
  private let parameters: [NamedParameter]

  public init(directory: URL, stride: Int, parameters: [NamedParameter]) throws {
    self.directory = directory
    self.stride = max(1, stride)
    self.parameters = parameters
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  /// The file of `step`.
  public func url(step: Int) -> URL {
    directory.appendingPathComponent(String(format: "step-%08d.safetensors", step))
  }

  /// Writes the snapshot of `step` now.
  public func write(step: Int) throws {
    let entries = parameters.map { p in
      SafeTensorsWriter.Entry(name: p.name, shape: p.parameter.shape.dimensions) { body in
        try body(UnsafeBufferPointer(p.parameter.value.buffer))
      }
    }
    let metadata = [
      "step": String(step), "format": "infogeo",
      CheckpointSeries.tensorOrderKey: parameters.map(\.name).joined(separator: ","),
    ]
    try SafeTensorsWriter.write(entries, metadata: metadata, to: url(step: step))
  }

  public func trainerDidStep(_ step: Int, epoch: Int, model: any Layer) -> TrainingDecision {
    guard step % stride == 0 else { return .proceed }
    do { try write(step: step) } catch { return .stop(reason: "cannot save parameters: \(error)") }
    return .proceed
  }
}
