import Formats
import Foundation
import InfoGeometry

/// A series of parameter checkpoints written by any framework, one file per optimizer step:
/// safetensors, `.npz`, or `.npy` (one tensor per file).
///
/// The step of each file comes from a manifest or from its name. Names: the last run of digits in
/// the file name without its extension — `step-000120.safetensors`, `ckpt_120.npz` and
/// `model.120.safetensors` are all step 120. A manifest (`manifest.json` in the directory, or any
/// JSON file given instead of the directory) maps steps to paths relative to it:
/// `{"0": "init.safetensors", "10": "a.safetensors"}`.
public struct CheckpointSeries: Sendable {
  public struct Entry: Sendable, Equatable {
    public var step: Int
    public var url: URL
  }

  public static let extensions: Set<String> = ["safetensors", "npz", "npy"]

  /// safetensors metadata key holding the tensor order to analyse in (comma-separated names);
  /// without it, tensors are taken in file order.
  public static let tensorOrderKey = "infogeo.tensor_order"

  /// Entries sorted by step.
  public var entries: [Entry]

  /// Finds the checkpoints in a directory (or reads a manifest file).
  public static func discover(_ path: String) throws -> CheckpointSeries {
    let url = URL(fileURLWithPath: path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw CheckpointError(path: path, problem: "no such file or directory")
    }
    if !isDirectory.boolValue { return try manifest(url) }
    let manifestURL = url.appendingPathComponent("manifest.json")
    if FileManager.default.fileExists(atPath: manifestURL.path) { return try manifest(manifestURL) }
    let files = try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
      .filter { extensions.contains($0.pathExtension.lowercased()) }
    var entries: [Entry] = []
    for file in files {
      guard let step = step(fromFileName: file.lastPathComponent) else {
        throw CheckpointError(
          path: file.path, problem: "no step number in the file name (or use a manifest.json)")
      }
      entries.append(Entry(step: step, url: file))
    }
    return try CheckpointSeries(entries: entries, source: path)
  }

  init(entries: [Entry], source: String) throws {
    let sorted = entries.sorted { $0.step < $1.step }
    guard !sorted.isEmpty else {
      throw CheckpointError(path: source, problem: "no checkpoint files (.safetensors, .npz, .npy)")
    }
    for (a, b) in zip(sorted, sorted.dropFirst()) where a.step == b.step {
      throw CheckpointError(
        path: b.url.path, problem: "step \(b.step) also given by \(a.url.lastPathComponent)")
    }
    self.entries = sorted
  }

  /// The step number in a file name: its last run of decimal digits (extension removed).
  public static func step(fromFileName name: String) -> Int? {
    let base = (name as NSString).deletingPathExtension
    var digits = ""
    var current = ""
    for c in base {
      if c.isASCII && c.isNumber {
        current.append(c)
      } else {
        if !current.isEmpty { digits = current }
        current = ""
      }
    }
    if !current.isEmpty { digits = current }
    return digits.isEmpty ? nil : Int(digits)
  }

  static func manifest(_ url: URL) throws -> CheckpointSeries {
    guard let object = (try? JSONSerialization.jsonObject(with: Data(contentsOf: url))) as? [String: String]
    else {
      throw CheckpointError(path: url.path, problem: "a manifest must be a JSON object of step → file")
    }
    let base = url.deletingLastPathComponent()
    var entries: [Entry] = []
    for (key, file) in object {
      guard let step = Int(key), step >= 0 else {
        throw CheckpointError(path: url.path, problem: "'\(key)' is not a step number")
      }
      entries.append(Entry(step: step, url: base.appendingPathComponent(file)))
    }
    return try CheckpointSeries(entries: entries, source: url.path)
  }

  /// Opens one checkpoint, memory-mapped, by its extension.
  public static func open(_ url: URL) throws -> any TensorContainer {
    switch url.pathExtension.lowercased() {
    case "safetensors": return try SafeTensorsFile(url: url)
    case "npz": return try NpzFile(url: url)
    case "npy": return try NpyFile(url: url)
    default:
      throw CheckpointError(
        path: url.path, problem: "unknown checkpoint format (expected .safetensors, .npz or .npy)")
    }
  }

  /// Runs the geometry monitor over the series, one checkpoint in memory at a time, appending its
  /// records to `csv`. The floating-point tensors of the first checkpoint, in file order, define the
  /// layout; every later checkpoint must hold them with the same shapes.
  public func analyse(configuration: GeometryConfiguration, csv: URL, progress: ProgressReporter) throws
    -> GeometryMonitor
  {
    let first = try Self.open(entries[0].url)
    let floating: Set<TensorDType> = [.float16, .bfloat16, .float32, .float64]
    var layout = first.tensors.filter { floating.contains($0.dtype) && $0.elementCount > 0 }
    if let order = (first as? SafeTensorsFile)?.metadata[Self.tensorOrderKey]?.split(separator: ",").map(
      String.init),
      Set(order) == Set(layout.map(\.name))
    {
      layout.sort { order.firstIndex(of: $0.name)! < order.firstIndex(of: $1.name)! }
    }
    guard !layout.isEmpty else {
      throw CheckpointError(path: entries[0].url.path, problem: "no floating-point tensors")
    }
    let monitor = try GeometryMonitor(
      tensorNames: layout.map(\.name), elementCounts: layout.map(\.elementCount), configuration: configuration
    )
    let writer = try CSVWriter(creating: csv, header: GeometryRecord.csvColumns)
    for (index, entry) in entries.enumerated() {
      let container = index == 0 ? first : try Self.open(entry.url)
      for info in layout {
        guard let found = container.info(of: info.name), found.shape == info.shape else {
          throw CheckpointError(
            path: entry.url.path, problem: "tensor \(info.name) \(info.shape) is missing or has another shape"
          )
        }
      }
      let records = try Self.withValues(of: layout.map(\.name), in: container) { buffers in
        try monitor.observe(step: entry.step, tensors: buffers)
      }
      for r in records { try writer.write(r.csvFields) }
      progress.update(step: index + 1, totalSteps: entries.count, epoch: 0, loss: .nan, samples: 0)
    }
    try writer.flush()
    return monitor
  }

  /// Calls `body` with every named tensor's values at once (read in place where the file allows).
  static func withValues<R>(
    of names: [String], in container: any TensorContainer, _ body: ([UnsafeBufferPointer<Float>]) throws -> R
  ) throws -> R {
    var buffers: [UnsafeBufferPointer<Float>] = []
    buffers.reserveCapacity(names.count)
    func nest(_ i: Int) throws -> R {
      if i == names.count { return try body(buffers) }
      return try container.withValues(of: names[i]) { values in
        buffers.append(values)
        defer { buffers.removeLast() }
        return try nest(i + 1)
      }
    }
    return try nest(0)
  }
}

/// A checkpoint series that cannot be analysed.
public struct CheckpointError: Error, CustomStringConvertible, Sendable {
  public var path: String
  public var problem: String
  public var description: String { "\(path): \(problem)" }
}
