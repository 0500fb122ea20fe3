import NeuralNet
import TensorCore

/// A readable description of a network, as given on the command line.
///
/// ```
/// mlp:256,256        Flatten → Linear(in, 256) → act → Linear(256, 256) → act → Linear(256, classes)
/// cnn:32,64/128      [Conv 3×3 (32) → act → MaxPool 2] → [Conv 3×3 (64) → act → MaxPool 2]
///                    → Flatten → Linear(·, 128) → act → Linear(128, classes)
/// ```
/// Convolutions are unpadded with stride 1; `act` is ReLU unless `activation` says otherwise.
public struct ModelSpec: Codable, Equatable, Sendable, CustomStringConvertible {
  public enum Kind: String, Codable, Sendable {
    case mlp
    case cnn
  }

  public enum Activation: String, Codable, Sendable, CaseIterable {
    case relu
    case tanh
  }

  public var kind: Kind
  /// Hidden widths (MLP) or convolution channels (CNN).
  public var widths: [Int]
  /// Fully connected widths after the convolutions (CNN only).
  public var denseWidths: [Int]
  public var activation: Activation
  public var initializer: Initializer

  public init(
    kind: Kind, widths: [Int], denseWidths: [Int] = [], activation: Activation = .relu,
    initializer: Initializer = .pytorchDefault
  ) {
    self.kind = kind
    self.widths = widths
    self.denseWidths = denseWidths
    self.activation = activation
    self.initializer = initializer
  }

  /// Parses `mlp:256,256` or `cnn:32,64/128`.
  public init(parsing text: String) throws(ModelSpecError) {
    let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
    guard parts.count == 2, let kind = Kind(rawValue: parts[0].lowercased()) else {
      throw ModelSpecError(text: text, problem: "expected 'mlp:W1,W2,…' or 'cnn:C1,C2/D1,…'")
    }
    let sections = parts[1].split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    func widths(_ s: String) throws(ModelSpecError) -> [Int] {
      if s.isEmpty { return [] }
      var result: [Int] = []
      for piece in s.split(separator: ",") {
        guard let w = Int(piece), w > 0, w <= 1 << 20 else {
          throw ModelSpecError(text: text, problem: "'\(piece)' is not a positive width")
        }
        result.append(w)
      }
      return result
    }
    guard sections.count <= (kind == .cnn ? 2 : 1) else {
      throw ModelSpecError(text: text, problem: "too many '/' sections for \(kind.rawValue)")
    }
    self.init(
      kind: kind, widths: try widths(sections[0]),
      denseWidths: sections.count > 1 ? try widths(sections[1]) : [])
    if kind == .cnn && self.widths.isEmpty {
      throw ModelSpecError(text: text, problem: "a CNN needs at least one convolution")
    }
  }

  public var description: String {
    let base = "\(kind.rawValue):" + widths.map(String.init).joined(separator: ",")
    return kind == .cnn && !denseWidths.isEmpty
      ? base + "/" + denseWidths.map(String.init).joined(separator: ",") : base
  }

  /// Builds the network for inputs of `[batch] + inputShape` (channels, height, width) and `classes`
  /// outputs, drawing initial weights from `generator`. Throws when the input is too small.
  public func build(inputShape: Shape, classes: Int, generator: inout RandomGenerator) throws(ShapeError)
    -> Sequential
  {
    func act() -> any Layer { activation == .relu ? ReLU() : Tanh() }
    var layers: [any Layer] = []
    var features: Int
    switch kind {
    case .mlp:
      layers.append(Flatten())
      features = inputShape.count
    case .cnn:
      guard inputShape.rank == 3 else {
        throw ShapeError(layer: "cnn", problem: "expects [channels, height, width] inputs, got \(inputShape)")
      }
      var (channels, height, width) = (inputShape[0], inputShape[1], inputShape[2])
      for out in widths {
        guard height >= 4, width >= 4 else {
          throw ShapeError(
            layer: "cnn", problem: "input \(inputShape) is too small for \(widths.count) conv blocks")
        }
        layers += [
          Conv2D(
            inputChannels: channels, outputChannels: out, kernelSize: 3, stride: 1, padding: 0,
            initializer: initializer, generator: &generator),
          act(), MaxPool2D(kernelSize: 2, stride: 2),
        ]
        (channels, height, width) = (out, (height - 2) / 2, (width - 2) / 2)
      }
      layers.append(Flatten())
      features = channels * height * width
    }
    let hidden = kind == .mlp ? widths : denseWidths
    for w in hidden {
      layers += [
        Linear(inputFeatures: features, outputFeatures: w, initializer: initializer, generator: &generator),
        act(),
      ]
      features = w
    }
    layers.append(
      Linear(
        inputFeatures: features, outputFeatures: classes, initializer: initializer, generator: &generator))
    let model = Sequential(layers)
    _ = try model.outputShape(for: Shape([1] + inputShape.dimensions))
    return model
  }
}

/// A model description that cannot be parsed.
public struct ModelSpecError: Error, CustomStringConvertible, Sendable {
  public var text: String
  public var problem: String
  public var description: String { "model '\(text)': \(problem)" }
}
