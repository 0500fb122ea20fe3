import CommandKit
import Datasets
import Foundation

/// What a sweep varies and what it keeps: axes (widths, depths, seeds, datasets, training-set
/// sizes) over a base of `infogeo train` options. Its expansion is the Cartesian product of the
/// axes, datasets outermost and seeds innermost; an axis left out takes the base value.
///
/// The plan file (`infogeo sweep PLAN.json`) is this struct as JSON; `base` values may be JSON
/// strings, numbers or booleans (`true` turns a flag on), e.g.
/// ```
/// {"name": "fss", "widths": [16, 32], "seeds": [0, 1], "base": {"train-samples": 200, "epochs": 3}}
/// ```
public struct SweepPlan: Codable, Equatable, Sendable {
  /// The sweep's name, the prefix of its directory.
  public var name: String
  /// Hidden widths: every hidden layer of the MLP gets the width (nil: the base model).
  public var widths: [Int]?
  /// Numbers of hidden layers of the MLP (nil: the base model's).
  public var depths: [Int]?
  /// Training seeds (nil: the base seed).
  public var seeds: [UInt64]?
  /// Datasets (nil: the base dataset).
  public var datasets: [DatasetKind]?
  /// Training-subset sizes, 0 for the whole set (nil: the base size).
  public var trainingSamples: [Int]?
  /// Options of `infogeo train` for every run, by name without the dashes, as command-line text.
  public var base: [String: String]
  /// Flags of `infogeo train` for every run (e.g. `nesterov`).
  public var flags: [String]

  public init(
    name: String = "sweep", widths: [Int]? = nil, depths: [Int]? = nil, seeds: [UInt64]? = nil,
    datasets: [DatasetKind]? = nil, trainingSamples: [Int]? = nil, base: [String: String] = [:],
    flags: [String] = []
  ) {
    self.name = name
    self.widths = widths
    self.depths = depths
    self.seeds = seeds
    self.datasets = datasets
    self.trainingSamples = trainingSamples
    self.base = base
    self.flags = flags
  }

  /// One run of the expansion.
  public struct Run: Sendable, Equatable {
    /// The position in the expansion, 0-based: the Slurm array index.
    public var index: Int
    /// The run directory's name, e.g. `003-w64-s1`: the index, then the value of each axis.
    public var name: String
    /// The resolved configuration.
    public var configuration: RunConfiguration
  }

  /// The runs, with `threads` per run unless the base sets `threads`.
  /// - Throws: ``SweepError`` for an unknown base option, an empty axis, or a width axis on a CNN;
  ///   `UsageError` for a base value out of range.
  public func expand(threads: Int) throws -> [Run] {
    let known = Set(RunOptions.specs.map(\.name)).subtracting(["config"])
    for key in base.keys.sorted() + flags where !known.contains(key) {
      throw SweepError.plan(
        "unknown option '\(key)' in the base (the options of 'infogeo train' are allowed)")
    }
    let counts = [
      ("widths", widths?.count), ("depths", depths?.count), ("trainingSamples", trainingSamples?.count),
      ("seeds", seeds?.count), ("datasets", datasets?.count),
    ]
    for (axis, count) in counts where count == 0 { throw SweepError.plan("'\(axis)' is empty") }
    for w in (widths ?? []) + (depths ?? []) where w <= 0 {
      throw SweepError.plan("widths and depths must be positive, found \(w)")
    }
    let arguments = ParsedArguments(command: "sweep", values: base, flags: Set(flags))
    let baseConfiguration = try RunOptions.configuration(arguments)
    let baseModel = baseConfiguration.model
    if (widths != nil || depths != nil) && baseModel.kind != .mlp {
      throw SweepError.plan("widths and depths apply to MLPs; the base model is \(baseModel)")
    }
    var runs: [Run] = []
    for dataset in datasets.map({ $0.map(Optional.some) }) ?? [nil] {
      for samples in trainingSamples.map({ $0.map(Optional.some) }) ?? [nil] {
        for depth in depths.map({ $0.map(Optional.some) }) ?? [nil] {
          for width in widths.map({ $0.map(Optional.some) }) ?? [nil] {
            for seed in seeds.map({ $0.map(Optional.some) }) ?? [nil] {
              var values = base
              var parts: [String] = [String(format: "%03d", runs.count)]
              if let dataset {
                values["dataset"] = dataset.rawValue
                parts.append(dataset.rawValue)
              }
              if let samples {
                values["train-samples"] = "\(samples)"
                parts.append("n\(samples)")
              }
              if width != nil || depth != nil {
                let d = depth ?? baseModel.widths.count
                let w = width ?? baseModel.widths.first ?? 1
                values["model"] = "mlp:" + Array(repeating: "\(w)", count: d).joined(separator: ",")
                if depth != nil { parts.append("d\(d)") }
                if width != nil { parts.append("w\(w)") }
              }
              if let seed {
                values["seed"] = "\(seed)"
                parts.append("s\(seed)")
              }
              if base["threads"] == nil { values["threads"] = "\(threads)" }
              let configuration = try RunOptions.configuration(
                ParsedArguments(command: "sweep", values: values, flags: Set(flags)))
              runs.append(
                Run(index: runs.count, name: parts.joined(separator: "-"), configuration: configuration))
            }
          }
        }
      }
    }
    return runs
  }

  /// Reads a plan file: the fields of this struct, `base` values of any JSON scalar type.
  public static func read(_ url: URL) throws -> SweepPlan {
    let data: Data
    do { data = try Data(contentsOf: url) } catch {
      throw SweepError.plan("\(url.path) cannot be read (\(error.localizedDescription))")
    }
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw SweepError.plan("\(url.path) is not a JSON object")
    }
    let fields: Set<String> = [
      "name", "widths", "depths", "seeds", "datasets", "trainingSamples", "base", "flags",
    ]
    if let unknown = object.keys.sorted().first(where: { !fields.contains($0) }) {
      throw SweepError.plan(
        "\(url.path): unknown field '\(unknown)' (expected \(fields.sorted().joined(separator: ", ")))")
    }
    func integers(_ key: String) throws -> [Int]? {
      guard let value = object[key] else { return nil }
      guard let list = value as? [NSNumber], list.allSatisfy({ Double($0.intValue) == $0.doubleValue }) else {
        throw SweepError.plan("\(url.path): '\(key)' must be a list of integers")
      }
      return list.map(\.intValue)
    }
    var plan = SweepPlan()
    if let name = object["name"] {
      guard let text = name as? String, !text.isEmpty, !text.contains("/") else {
        throw SweepError.plan("\(url.path): 'name' must be a non-empty string without '/'")
      }
      plan.name = text
    }
    plan.widths = try integers("widths")
    plan.depths = try integers("depths")
    plan.trainingSamples = try integers("trainingSamples")
    if let seeds = try integers("seeds") {
      guard seeds.allSatisfy({ $0 >= 0 }) else { throw SweepError.plan("\(url.path): 'seeds' must be ≥ 0") }
      plan.seeds = seeds.map(UInt64.init)
    }
    if let value = object["datasets"] {
      guard let names = value as? [String] else {
        throw SweepError.plan("\(url.path): 'datasets' must be a list of names")
      }
      plan.datasets = try names.map { name in
        guard let kind = DatasetKind(rawValue: name) else {
          throw SweepError.plan(
            "\(url.path): unknown dataset '\(name)' (expected \(DatasetKind.allCases.map(\.rawValue).joined(separator: ", ")))"
          )
        }
        return kind
      }
    }
    if let value = object["base"] {
      guard let base = value as? [String: Any] else {
        throw SweepError.plan("\(url.path): 'base' must be an object")
      }
      let flagNames = Set(RunOptions.specs.filter { $0.valueName == nil }.map(\.name))
      for (key, value) in base {
        if flagNames.contains(key) {
          guard let on = value as? Bool else {
            throw SweepError.plan("\(url.path): base flag '\(key)' must be true or false")
          }
          if on { plan.flags.append(key) }
          continue
        }
        switch value {
        case let s as String: plan.base[key] = s
        case let n as NSNumber: plan.base[key] = n.stringValue
        default: throw SweepError.plan("\(url.path): base option '\(key)' must be a string or a number")
        }
      }
    }
    if let value = object["flags"] {
      guard let flags = value as? [String] else {
        throw SweepError.plan("\(url.path): 'flags' must be a list of names")
      }
      plan.flags += flags
    }
    plan.flags = Array(Set(plan.flags)).sorted()
    return plan
  }
}
