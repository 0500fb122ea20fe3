import Foundation
import TensorCore

/// The fan-in and fan-out of a weight tensor: for `Linear` the input and output features, for a
/// convolution `channels × kernel area` on each side.
public struct Fans: Sendable {
  public var input: Int
  public var output: Int

  public init(input: Int, output: Int) {
    self.input = input
    self.output = output
  }
}

/// How a layer's weights and biases are drawn at construction.
public enum Initializer: String, Codable, Sendable, CaseIterable {
  /// PyTorch's default for `nn.Linear` and `nn.Conv2d`: Kaiming-uniform with a = √5, i.e. weights
  /// ~ U(−1/√fan_in, 1/√fan_in) (gain √(2/(1+a²)) · √(3/fan_in)), and bias ~ U(−1/√fan_in, 1/√fan_in).
  case pytorchDefault = "pytorch"
  /// He (Kaiming) normal: weights ~ N(0, 2/fan_in); bias 0.
  case heNormal = "he-normal"
  /// Glorot (Xavier) uniform: weights ~ U(−b, b), b = √(6/(fan_in + fan_out)); bias 0.
  case glorotUniform = "glorot-uniform"

  /// Fills `weight` according to this scheme.
  public func fillWeight(_ weight: Tensor, fans: Fans, generator: inout RandomGenerator) {
    let p = weight.pointer
    switch self {
    case .pytorchDefault:
      let bound = 1 / Double(fans.input).squareRoot()
      for i in 0..<weight.count { p[i] = Float(generator.uniform(-bound, bound)) }
    case .heNormal:
      let std = (2 / Double(fans.input)).squareRoot()
      for i in 0..<weight.count { p[i] = Float(std * generator.normal()) }
    case .glorotUniform:
      let bound = (6 / Double(fans.input + fans.output)).squareRoot()
      for i in 0..<weight.count { p[i] = Float(generator.uniform(-bound, bound)) }
    }
  }

  /// Fills `bias` according to this scheme.
  public func fillBias(_ bias: Tensor, fans: Fans, generator: inout RandomGenerator) {
    switch self {
    case .pytorchDefault:
      let bound = 1 / Double(fans.input).squareRoot()
      for i in 0..<bias.count { bias.pointer[i] = Float(generator.uniform(-bound, bound)) }
    case .heNormal, .glorotUniform:
      bias.fill(0)
    }
  }
}
