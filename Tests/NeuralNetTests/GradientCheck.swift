import NeuralNet
import TensorCore
import Testing

/// Compares a layer's backward pass with central finite differences of the scalar loss
/// `L(x, θ) = Σ_j r_j · y_j(x, θ)`, where `r` is a fixed random tensor of the output's shape (so
/// `∂L/∂y = r`, and backward(r) must return ∂L/∂x and set ∂L/∂θ).
///
/// Each tensor `T` (the input, then every parameter) is perturbed one element at a time by
/// `±h`, `h = relativeStep · max|T|`; L is summed in Double from the Float32 outputs, and the
/// difference quotient divides by the perturbation actually stored in Float32.
///
/// Accuracy: for a layer that is linear in the perturbed element between kinks (Linear, Conv2D,
/// pooling, ReLU away from 0, Flatten, Dropout with a fixed mask) the quotient has no truncation
/// error, only the Float32 rounding of the outputs that depend on the element: about
/// `eps·Σ|r_j y_j| / h ≈ 6e-8 · O(10) / 1e-2 ≈ 1e-4` relative. For smooth nonlinear layers (Tanh,
/// softmax) the truncation error `h²·|L‴|/6` adds about `1e-4` relative at `relativeStep = 1e-2`.
/// The comparison is norm-wise, `max_i |analytic_i − numeric_i| / max_i |numeric_i|`, so that
/// near-zero entries do not blow up the ratio.
struct GradientCheck {
  /// The tolerance for `worst`: the ~1e-3 accuracy bound of Float32 central differences at
  /// h ≈ 1e-2·scale, several times the largest error observed (1.5e-4, Tanh's truncation error;
  /// the piecewise-linear layers give ≲ 1e-5), yet far below the O(1) error of any real mistake
  /// (a wrong index, a missing term, a transposed weight).
  static let tolerance = 1e-3

  /// The norm-wise relative error for the input gradient (`"input"`) and each named parameter.
  var errors: [String: Double]

  /// Worst relative error over the input and all parameters.
  var worst: Double { errors.values.max() ?? 0 }

  /// `beforeForward` runs before every forward pass (e.g. to restore a dropout layer's stream so
  /// every evaluation uses the same mask).
  init(
    layer: any Layer, input: Tensor, seed: UInt64 = 7, relativeStep: Float = 1e-2,
    beforeForward: () -> Void = {}
  ) {
    beforeForward()
    let output = layer.forward(input, mode: .training)
    let r = randomTensor(output.shape, seed: seed)
    let inputGradient = layer.backward(r, needsInputGradient: true)?.copy()
    let parameterGradients = layer.parameters.map { $0.parameter.gradient.copy() }

    func loss() -> Double {
      beforeForward()
      let y = layer.forward(input, mode: .training)
      var sum = 0.0
      for j in 0..<y.count { sum += Double(r[j]) * Double(y[j]) }
      return sum
    }
    func error(of analytic: Tensor?, perturbing tensor: Tensor) -> Double {
      guard let analytic else { return .infinity }
      let scale = tensor.array.map(abs).max() ?? 0
      let h = relativeStep * max(scale, 1e-3)
      var (maxDifference, maxNumeric) = (0.0, 0.0)
      for i in 0..<tensor.count {
        let original = tensor[i]
        let (up, down) = (original + h, original - h)
        tensor[i] = up
        let lossUp = loss()
        tensor[i] = down
        let lossDown = loss()
        tensor[i] = original
        let numeric = (lossUp - lossDown) / (Double(up) - Double(down))
        maxDifference = max(maxDifference, abs(Double(analytic[i]) - numeric))
        maxNumeric = max(maxNumeric, abs(numeric))
      }
      return maxDifference / max(maxNumeric, 1e-12)
    }

    var errors = ["input": error(of: inputGradient, perturbing: input)]
    for (named, gradient) in zip(layer.parameters, parameterGradients) {
      errors[named.name] = error(of: gradient, perturbing: named.parameter.value)
    }
    self.errors = errors
  }
}

/// A tensor of the given shape with independent N(0, 1) entries.
func randomTensor(_ shape: Shape, seed: UInt64) -> Tensor {
  var generator = RandomGenerator(seed: seed)
  let t = Tensor(zeros: shape)
  for i in 0..<t.count { t[i] = Float(generator.normal()) }
  return t
}

/// Checks the no-allocation contract: a second forward/backward with the same batch shape returns
/// the very same output and input-gradient tensors as the first.
func expectReusesBuffers(_ layer: any Layer, input: Tensor, mode: ForwardMode = .training) {
  let y1 = layer.forward(input, mode: mode)
  let dy = randomTensor(y1.shape, seed: 3)
  let dx1 = layer.backward(dy, needsInputGradient: true)
  let y2 = layer.forward(input, mode: mode)
  let dx2 = layer.backward(dy, needsInputGradient: true)
  #expect(y1 === y2)
  #expect(dx1 === dx2)
}

/// `max_i |a_i − b_i|` in Double (∞ when the counts differ).
func maxDifference(_ a: [Float], _ b: ArraySlice<Float>) -> Double {
  guard a.count == b.count else { return .infinity }
  return zip(a, b).map { abs(Double($0) - Double($1)) }.max() ?? 0
}
