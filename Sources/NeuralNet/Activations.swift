import Foundation
import TensorCore

/// An element-wise activation `y = f(x)` whose derivative is a function of the output `y`.
public protocol ElementwiseActivation: Layer {
  /// Name shown in errors and summaries.
  static var name: String { get }
  /// f(x).
  static func apply(_ x: Float) -> Float
  /// f′(x) expressed through y = f(x).
  static func derivative(output y: Float) -> Float
  var buffers: ActivationBuffers { get }
}

/// The reused output and input-gradient buffers of an element-wise activation.
public final class ActivationBuffers {
  var output: Tensor?
  var inputGradient: Tensor?
  public init() {}
}

extension ElementwiseActivation {
  public func outputShape(for inputShape: Shape) throws(ShapeError) -> Shape { inputShape }

  public func forward(_ input: Tensor, mode: ForwardMode) -> Tensor {
    let out = Tensor.reuse(buffers.output, shape: input.shape)
    buffers.output = out
    let x = input.pointer
    let y = out.pointer
    Parallel.forChunks(of: input.count) { range in
      for i in range { y[i] = Self.apply(x[i]) }
    }
    return out
  }

  public func backward(_ outputGradient: Tensor, needsInputGradient: Bool) -> Tensor? {
    guard needsInputGradient, let out = buffers.output else { return nil }
    let dx = Tensor.reuse(buffers.inputGradient, shape: out.shape)
    buffers.inputGradient = dx
    let y = out.pointer
    let dy = outputGradient.pointer
    let g = dx.pointer
    Parallel.forChunks(of: out.count) { range in
      for i in range { g[i] = dy[i] * Self.derivative(output: y[i]) }
    }
    return dx
  }
}

/// Rectified linear unit, `y = max(x, 0)`; the derivative at 0 is taken as 0, as in PyTorch.
public final class ReLU: ElementwiseActivation {
  public static let name = "ReLU"
  public let buffers = ActivationBuffers()
  public init() {}
  @inline(__always) public static func apply(_ x: Float) -> Float { max(x, 0) }
  @inline(__always) public static func derivative(output y: Float) -> Float { y > 0 ? 1 : 0 }
}

/// Hyperbolic tangent, `y = tanh(x)`, `dy/dx = 1 − y²`.
public final class Tanh: ElementwiseActivation {
  public static let name = "Tanh"
  public let buffers = ActivationBuffers()
  public init() {}
  @inline(__always) public static func apply(_ x: Float) -> Float { tanhf(x) }
  @inline(__always) public static func derivative(output y: Float) -> Float { 1 - y * y }
}
