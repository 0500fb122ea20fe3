import CommandKit
import Datasets
import Foundation
import InfoGeometry
import NeuralNet

/// The options shared by `infogeo train` and `infogeo demo`, and their translation into a
/// ``RunConfiguration``. A JSON config file (`--config`) may give any option by its name, without
/// the dashes; options on the command line win over the file.
public enum RunOptions {
  static let defaults = RunConfiguration()

  public static let specs: [OptionSpec] =
    [
      .value("config", "FILE", "JSON file of option values, e.g. {\"model\": \"mlp:128\", \"epochs\": 50}."),
      .value("dataset", "NAME", "mnist, fashion-mnist or cifar-10.", default: defaults.dataset.rawValue),
      .value(
        "data-dir", "DIR", "Directory with the dataset files (default: Debian's package, then the cache)."),
      .value("train-samples", "N", "Stratified training subset size; 0 for the whole set.", default: "2000"),
      .value(
        "validation-fraction", "F", "Share of the training subset held out for validation.", default: "0"),
      .value(
        "model", "SPEC", "mlp:W1,W2,… or cnn:C1,C2/D1,… (3×3 convs, 2×2 max-pools).",
        default: defaults.model.description),
      .value("activation", "NAME", "relu or tanh.", default: "relu"),
      .value("init", "NAME", "pytorch, he-normal or glorot-uniform.", default: "pytorch"),
      .value("optimizer", "NAME", "sgd, adam or adamw.", default: defaults.optimizer.name.rawValue),
      .value("lr", "RATE", "Learning rate.", default: "0.001"),
      .value("momentum", "M", "SGD momentum.", default: "0"),
      .flag("nesterov", "Nesterov momentum (SGD)."),
      .value("weight-decay", "L", "Weight decay (coupled for sgd/adam, decoupled for adamw).", default: "0"),
      .value("schedule", "NAME", "constant, step or cosine.", default: "constant"),
      .value("step-every", "K", "Step schedule: decay every K steps.", default: "1000"),
      .value("gamma", "G", "Step schedule: decay factor.", default: "0.1"),
      .value("min-lr", "RATE", "Cosine schedule: final learning rate.", default: "0"),
      .value("batch-size", "B", "Mini-batch size.", default: "\(defaults.training.batchSize)"),
      .value("epochs", "N", "Epochs to train.", default: "\(defaults.training.epochs)"),
      .value("steps", "N", "Stop after N optimizer steps (overrides epochs when smaller)."),
      .value("seed", "S", "Seed for weights, subset and batch order.", default: "0"),
      .value("eval", "WHEN", "Evaluation steps: every:K or log:N (N per decade of t).", default: "log:20"),
      .value("eval-batch-size", "B", "Samples per forward pass when evaluating.", default: "1000"),
      .value("threads", "N", "BLAS and element-wise threads (1: bit-reproducible).", default: "all cores"),
      .flag(
        "early-stopping", "Keras-style early stopping on the validation split (needs --validation-fraction)."),
      .value("patience", "N", "Early stopping: evaluations without improvement.", default: "10"),
      .value("min-delta", "D", "Early stopping: smallest improvement that counts.", default: "0"),
      .value("early-stopping-monitor", "NAME", "val_loss or val_accuracy.", default: "val_loss"),
      .flag("stop-at-transition", "Stop when the data-free transition marker is confirmed."),
      .value(
        "save-params", "STRIDE", "Write the parameters as RUN/params/step-N.safetensors every STRIDE steps."),
    ] + geometrySpecs

  /// Options of the geometry monitor, by command-line name and ``GeometryConfiguration`` key.
  static let geometryOptions: [(option: OptionSpec, key: String)] = [
    (
      .value(
        "groups", "LIST", "Parameter groups: all, weights, biases, each, tensor:NAME, or a pattern.",
        default: "all,each"), "groups"
    ),
    (
      .value(
        "estimator", "NAME", "Reported estimator: debiased, naive (the paper's recipe), kernel or gaussian.",
        default: "debiased"), "estimator"
    ),
    (
      .value("binning", "NAME", "linear (cloud-in-cell) or nearest (hard bins).", default: "linear"),
      "binning"
    ),
    (
      .value("bins", "K", "Histogram bins, or auto (a rule tied to the group's size).", default: "auto"),
      "bins"
    ),
    (.value("grid", "POLICY", "lattice, first[:MARGIN] or fixed:LOWER:UPPER.", default: "lattice"), "grid"),
    (.value("stride", "N", "Monitor every N optimizer steps.", default: "1"), "stride"),
    (
      .value("debias-window", "W", "Observations over which the debiased Γ² is accumulated.", default: "8"),
      "window"
    ),
    (
      .value(
        "diagnostics", "on|off", "Resolution (K/4, K, 4K) and stride (1, 2, 4, 8) curves.", default: "on"),
      "diagnostics"
    ),
    (
      .value(
        "euclidean", "on|off", "Euclidean path length S = Σ‖Δθ‖ beside L (one copy of the parameters).",
        default: "on"), "euclidean"
    ),
    (
      .value(
        "bandwidth", "F",
        "Kernel bandwidth of the debiased and kernel estimates, as a factor on Silverman's rule (0: none).",
        default: "1"), "bandwidth"
    ),
    (
      .value("histograms", "N", "Whole histograms stored per group at log-spaced steps.", default: "64"),
      "histograms"
    ),
    (.value("geometry-recipe", "NAME", "paper: hard bins, naive distance, as in the paper."), "recipe"),
  ]

  public static var geometrySpecs: [OptionSpec] { geometryOptions.map(\.option) }

  /// Merges `--config FILE` (if any) under the command-line values.
  public static func mergingConfigFile(_ arguments: ParsedArguments) throws -> ParsedArguments {
    guard let path = arguments.string("config") else { return arguments }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw ConfigFileError(path: path, problem: "cannot be read (\(error.localizedDescription))")
    }
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw ConfigFileError(path: path, problem: "is not a JSON object of option values")
    }
    var values = arguments.values
    var flags = arguments.flags
    let known = Dictionary(uniqueKeysWithValues: specs.map { ($0.name, $0) })
    for (key, value) in object.sorted(by: { $0.key < $1.key }) {
      guard let spec = known[key], key != "config" else {
        throw ConfigFileError(path: path, problem: "unknown option '\(key)'")
      }
      if spec.valueName == nil {
        guard let on = value as? Bool else {
          throw ConfigFileError(path: path, problem: "'\(key)' must be true or false")
        }
        if on && values[key] == nil { flags.insert(key) }
        continue
      }
      guard values[key] == nil else { continue }
      values[key] = try text(of: value, key: key, path: path)
    }
    return ParsedArguments(
      command: arguments.command, values: values, flags: flags, positionals: arguments.positionals)
  }

  /// A JSON value as the text the option would take on the command line.
  static func text(of value: Any, key: String, path: String) throws -> String {
    switch value {
    case let s as String: return s
    case let n as NSNumber: return n.stringValue
    case let list as [Any]:
      return try list.map { try text(of: $0, key: key, path: path) }.joined(separator: ",")
    case let object as [String: Any] where key == "model":
      let kind = object["kind"] as? String ?? ""
      let widths = (object["widths"] as? [Int] ?? []).map(String.init).joined(separator: ",")
      let dense = (object["denseWidths"] as? [Int] ?? []).map(String.init).joined(separator: ",")
      return "\(kind):\(widths)" + (dense.isEmpty ? "" : "/\(dense)")
    default:
      throw ConfigFileError(path: path, problem: "'\(key)' has a value of an unsupported type")
    }
  }

  /// The resolved configuration; throws ``UsageError`` for values out of range.
  public static func configuration(_ a: ParsedArguments) throws(UsageError) -> RunConfiguration {
    var c = RunConfiguration()
    func usage(_ message: String) -> UsageError { UsageError(command: a.command, message: message) }
    if let d = try a.choice("dataset", as: DatasetKind.self) { c.dataset = d }
    c.dataDirectory = a.string("data-dir")
    if let n = try a.int("train-samples") {
      guard n >= 0 else { throw usage("--train-samples must be at least 0") }
      c.trainingSamples = n == 0 ? nil : n
    }
    if let f = try a.double("validation-fraction") {
      guard f >= 0 && f < 1 else { throw usage("--validation-fraction must be in [0, 1)") }
      c.validationFraction = f
    }
    if let text = a.string("model") {
      do { c.model = try ModelSpec(parsing: text) } catch { throw usage(error.description) }
    }
    if let act = try a.choice("activation", as: ModelSpec.Activation.self) { c.model.activation = act }
    if let i = try a.choice("init", as: Initializer.self) { c.model.initializer = i }
    if let o = try a.choice("optimizer", as: OptimizerSettings.Name.self) { c.optimizer.name = o }
    if let lr = try a.double("lr") {
      guard lr > 0 else { throw usage("--lr must be positive") }
      c.optimizer.learningRate = lr
    }
    if let m = try a.double("momentum") {
      guard m >= 0 && m < 1 else { throw usage("--momentum must be in [0, 1)") }
      c.optimizer.momentum = m
    }
    c.optimizer.nesterov = a.flag("nesterov")
    if c.optimizer.nesterov && (c.optimizer.name != .sgd || c.optimizer.momentum == 0) {
      throw usage("--nesterov needs --optimizer sgd and a positive --momentum")
    }
    if let wd = try a.double("weight-decay") {
      guard wd >= 0 else { throw usage("--weight-decay must be at least 0") }
      c.optimizer.weightDecay = wd
    }
    if let s = try a.choice("schedule", as: OptimizerSettings.Schedule.self) { c.optimizer.schedule = s }
    if let k = try a.int("step-every") {
      guard k > 0 else { throw usage("--step-every must be positive") }
      c.optimizer.stepEvery = k
    }
    if let g = try a.double("gamma") { c.optimizer.gamma = g }
    if let m = try a.double("min-lr") { c.optimizer.minimumLearningRate = m }
    if let b = try a.int("batch-size") {
      guard b > 0 && b <= 65_536 else { throw usage("--batch-size must be in 1…65536") }
      c.training.batchSize = b
    }
    if let e = try a.int("epochs") {
      guard e > 0 else { throw usage("--epochs must be positive") }
      c.training.epochs = e
    }
    if let s = try a.int("steps") {
      guard s > 0 else { throw usage("--steps must be positive") }
      c.training.maximumSteps = s
    }
    if let text = a.string("seed") {
      guard let s = UInt64(text) else {
        throw usage("option '--seed': '\(text)' is not a non-negative integer")
      }
      c.training.seed = s
    }
    if let text = a.string("eval") {
      guard let e = EvaluationSchedule(parsing: text) else {
        throw usage("option '--eval': '\(text)' is not every:K or log:N")
      }
      c.training.evaluation = e
    }
    if let b = try a.int("eval-batch-size") {
      guard b > 0 && b <= 65_536 else { throw usage("--eval-batch-size must be in 1…65536") }
      c.training.evaluationBatchSize = b
    }
    if let t = try a.int("threads") {
      guard t > 0 && t <= 256 else { throw usage("--threads must be in 1…256") }
      c.threads = t
    }
    if a.flag("early-stopping") {
      guard c.validationFraction > 0 else { throw usage("--early-stopping needs --validation-fraction > 0") }
      var s = ValidationEarlyStopping.Settings()
      if let p = try a.int("patience") {
        guard p > 0 else { throw usage("--patience must be positive") }
        s.patience = p
      }
      if let d = try a.double("min-delta") { s.minimumDelta = d }
      if let m = try a.choice("early-stopping-monitor", as: ValidationEarlyStopping.Monitor.self) {
        s.monitor = m
      }
      c.earlyStopping = s
    }
    c.stopAtTransition = a.flag("stop-at-transition")
    if let s = try a.int("save-params") {
      guard s > 0 else { throw usage("--save-params must be a positive stride") }
      c.saveParametersStride = s
    }
    if let g = try geometryConfiguration(a) { c.geometry = g }
    return c
  }

  /// The monitor's settings when any geometry option is given (groups default to all,each).
  public static func geometryConfiguration(_ a: ParsedArguments) throws(UsageError) -> GeometryConfiguration?
  {
    var geometry: [String: String] = [:]
    for (option, key) in geometryOptions {
      if let value = a.string(option.name) { geometry[key] = value }
    }
    guard !geometry.isEmpty else { return nil }
    if geometry["groups"] == nil { geometry["groups"] = "all,each" }
    do { return try GeometryConfiguration(options: geometry) } catch {
      throw UsageError(command: a.command, message: error.description)
    }
  }
}

/// A config file that cannot be used.
public struct ConfigFileError: Error, CustomStringConvertible, Sendable {
  public var path: String
  public var problem: String
  public var description: String { "\(path): \(problem)" }
}
