import NeuralNet
import TensorCore
import Testing

/// Sample statistics of a tensor, in Double.
private func moments(_ t: Tensor) -> (mean: Double, variance: Double, maxAbs: Double) {
  let values = t.array.map(Double.init)
  let mean = values.reduce(0, +) / Double(values.count)
  let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
  return (mean, variance, values.map(abs).max() ?? 0)
}

@Suite("Initializer")
struct InitializerTests {
  // n = 120 000 weights. For U(−b, b), Var(x²) = 4b⁴/45, so the sample variance has relative
  // standard deviation √(4/5)/√n ≈ 2.6e-3; for N(0, σ²) it is √(2/n) ≈ 4.1e-3. Tolerances are 5σ.

  @Test("PyTorch default: weights and biases within 1/√fan_in, variance bound²/3")
  func pytorchDefault() {
    var g = RandomGenerator(seed: 1)
    let layer = Linear(inputFeatures: 400, outputFeatures: 300, generator: &g)
    let bound = 1 / 400.0.squareRoot()
    let w = moments(layer.weight.value)
    #expect(w.maxAbs <= bound && w.maxAbs > 0.999 * bound)
    #expect(abs(w.variance / (bound * bound / 3) - 1) < 5 * 2.6e-3)
    // Mean of n uniforms: standard deviation b/√(3n) ≈ 8e-5; 5σ.
    #expect(abs(w.mean) < 5 * bound / (3 * 120_000.0).squareRoot())
    #expect(moments(layer.bias!.value).maxAbs <= bound)
  }

  @Test("He normal: variance 2/fan_in, zero bias")
  func heNormal() {
    var g = RandomGenerator(seed: 2)
    let layer = Linear(inputFeatures: 400, outputFeatures: 300, initializer: .heNormal, generator: &g)
    let w = moments(layer.weight.value)
    #expect(abs(w.variance / (2 / 400.0) - 1) < 5 * 4.1e-3)
    #expect(layer.bias!.value.array.allSatisfy { $0 == 0 })
  }

  @Test("Glorot uniform: weights within √(6/(fan_in + fan_out)), variance bound²/3")
  func glorotUniform() {
    var g = RandomGenerator(seed: 3)
    let layer = Linear(inputFeatures: 400, outputFeatures: 300, initializer: .glorotUniform, generator: &g)
    let bound = (6 / 700.0).squareRoot()
    let w = moments(layer.weight.value)
    #expect(w.maxAbs <= bound && w.maxAbs > 0.999 * bound)
    #expect(abs(w.variance / (bound * bound / 3) - 1) < 5 * 2.6e-3)
  }

  @Test("Conv2D uses fan_in = inputChannels·k·k (PyTorch), for weights and bias")
  func convolutionFanIn() {
    var g = RandomGenerator(seed: 4)
    let conv = Conv2D(inputChannels: 16, outputChannels: 32, kernelSize: 5, generator: &g)
    let bound = 1 / 400.0.squareRoot()
    let w = moments(conv.weight.value)
    // n = 12 800: P(max|w| < 0.99·bound) = 0.99ⁿ ≈ e⁻¹²⁸; variance tolerance 5 · √(4/5)/√n ≈ 4%.
    #expect(w.maxAbs <= bound && w.maxAbs > 0.99 * bound)
    #expect(abs(w.variance / (bound * bound / 3) - 1) < 0.04)
    #expect(moments(conv.bias!.value).maxAbs <= bound)
  }

  @Test("the same seed gives the same weights")
  func reproducible() {
    var (a, b) = (RandomGenerator(seed: 9), RandomGenerator(seed: 9))
    let (x, y) = (Linear(20, 10, generator: &a), Linear(20, 10, generator: &b))
    #expect(x.weight.value.array == y.weight.value.array && x.bias!.value.array == y.bias!.value.array)
  }
}
