import TensorCore

/// A residual block, `y = body(x) + shortcut(x)`, with the identity as the default shortcut (a
/// `Conv2D` with kernel 1 when the shapes change, as in ResNet). Parameters are named `body.…` and
/// `shortcut.…`.
///
/// ```
/// ∂x = ∂body/∂x ᵀ · ∂y + ∂shortcut/∂x ᵀ · ∂y
/// ```
public final class Residual: Layer {
  /// The residual branch F in `y = F(x) + shortcut(x)`.
  public let body: any Layer
  /// The shortcut branch; nil for the identity.
  public let shortcut: (any Layer)?

  private var output: Tensor?
  private var inputGradient: Tensor?

  /// `Residual(body: Sequential([conv, relu, conv]))`; the shortcut must give the body's shape.
  public init(body: any Layer, shortcut: (any Layer)? = nil) {
    self.body = body
    self.shortcut = shortcut
  }

  public var parameters: [NamedParameter] {
    body.parameters.map { $0.prefixed("body") } + (shortcut?.parameters.map { $0.prefixed("shortcut") } ?? [])
  }

  public func outputShape(for inputShape: Shape) throws(ShapeError) -> Shape {
    let bodyShape: Shape
    let shortcutShape: Shape
    do {
      bodyShape = try body.outputShape(for: inputShape)
      shortcutShape = try shortcut?.outputShape(for: inputShape) ?? inputShape
    } catch {
      throw ShapeError(layer: "Residual (\(error.layer))", problem: error.problem)
    }
    guard bodyShape == shortcutShape else {
      throw ShapeError(
        layer: "Residual",
        problem: "body gives \(bodyShape) but the shortcut gives \(shortcutShape) for input \(inputShape)")
    }
    return bodyShape
  }

  public func forward(_ input: Tensor, mode: ForwardMode) -> Tensor {
    let main = body.forward(input, mode: mode)
    let side = shortcut?.forward(input, mode: mode) ?? input
    let out = Tensor.reuse(output, shape: main.shape)
    output = out
    add(main, side, into: out)
    return out
  }

  public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
    let main = body.backward(outputGradient, needsInputGradient: needsInputGradient)
    let side =
      shortcut.map { $0.backward(outputGradient, needsInputGradient: needsInputGradient) }
      ?? outputGradient
    guard needsInputGradient, let main, let side else { return nil }
    let dx = Tensor.reuse(inputGradient, shape: main.shape)
    inputGradient = dx
    add(main, side, into: dx)
    return dx
  }

  private func add(_ a: Tensor, _ b: Tensor, into c: Tensor) {
    let (x, y, z) = (a.pointer, b.pointer, c.pointer)
    Parallel.forChunks(of: c.count) { range in
      for i in range { z[i] = x[i] + y[i] }
    }
  }
}
