import TensorCore

/// Layers applied one after another; parameters are named `layers.<index>.<name>`, as in PyTorch's
/// `nn.Sequential` held under the attribute `layers`.
public final class Sequential: Layer {
  public let layers: [any Layer]

  public init(_ layers: [any Layer]) { self.layers = layers }

  public var parameters: [NamedParameter] {
    layers.enumerated().flatMap { index, layer in
      layer.parameters.map { $0.prefixed("layers.\(index)") }
    }
  }

  public func outputShape(for inputShape: Shape) throws(ShapeError) -> Shape {
    var shape = inputShape
    for (index, layer) in layers.enumerated() {
      do {
        shape = try layer.outputShape(for: shape)
      } catch {
        throw ShapeError(layer: "layers.\(index) (\(error.layer))", problem: error.problem)
      }
    }
    return shape
  }

  public func forward(_ input: Tensor, mode: ForwardMode) -> Tensor {
    layers.reduce(input) { $1.forward($0, mode: mode) }
  }

  public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
    var gradient = outputGradient
    for (index, layer) in layers.enumerated().reversed() {
      let needed = index > 0 || needsInputGradient
      guard let next = layer.backward(gradient, needsInputGradient: needed) else { return nil }
      gradient = next
    }
    return gradient
  }
}
