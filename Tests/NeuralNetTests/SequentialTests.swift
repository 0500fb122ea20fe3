import NeuralNet
import TensorCore
import Testing

@Suite("Sequential")
struct SequentialTests {
  /// A small CNN with smooth nonlinearities (no kinks for the finite differences to straddle).
  static func smallCNN() -> Sequential {
    var g = RandomGenerator(seed: 1)
    return Sequential([
      Conv2D(inputChannels: 2, outputChannels: 3, kernelSize: 3, padding: 1, generator: &g), Tanh(),
      AvgPool2D(kernelSize: 2), Flatten(), Linear(3 * 3 * 3, 4, generator: &g),
    ])
  }

  @Test("backward through the composition matches finite differences for every parameter")
  func gradient() {
    let check = GradientCheck(layer: Self.smallCNN(), input: randomTensor([2, 2, 6, 6], seed: 2))
    #expect(
      Set(check.errors.keys) == [
        "input", "layers.0.weight", "layers.0.bias", "layers.4.weight", "layers.4.bias",
      ])
    #expect(check.worst < GradientCheck.tolerance, "\(check.errors)")
  }

  @Test("parameters are named layers.<index>.<name>, skipping parameterless layers' indices")
  func names() {
    var g = RandomGenerator(seed: 1)
    let model = referenceCNN(generator: &g)
    #expect(
      model.parameters.map(\.name) == [
        "layers.0.weight", "layers.0.bias", "layers.3.weight", "layers.3.bias", "layers.7.weight",
        "layers.7.bias", "layers.9.weight", "layers.9.bias",
      ])
    #expect(
      model.parameters.map(\.parameter.shape) == [
        [32, 1, 3, 3], [32], [64, 32, 3, 3], [64], [128, 1600], [128], [10, 128], [10],
      ])
  }

  @Test("a shape error names the index of the layer that rejects the input")
  func shapeError() {
    var g = RandomGenerator(seed: 1)
    let model = referenceCNN(generator: &g)
    #expect {
      try model.outputShape(for: [8, 1, 32, 32])
    } throws: { "\($0)".contains("layers.7 (Linear(1600, 128))") && "\($0)".contains("got [8, 2304]") }
  }

  @Test("no allocation in steady state: the reference CNN's second step returns the same tensors")
  func reusesBuffers() {
    var g = RandomGenerator(seed: 1)
    expectReusesBuffers(
      referenceCNN(generator: &g), input: randomTensor([3, 1, 28, 28], seed: 2))
  }
}
