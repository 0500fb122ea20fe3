import NeuralNet
import TensorCore
import Testing

@Suite("Residual")
struct ResidualTests {
  @Test("identity shortcut: y = body(x) + x, and backward matches finite differences")
  func identityShortcut() throws {
    var g = RandomGenerator(seed: 1)
    let body = Sequential([
      Conv2D(inputChannels: 2, outputChannels: 2, kernelSize: 3, padding: 1, generator: &g), Tanh(),
    ])
    let block = Residual(body: body)
    let x = randomTensor([2, 2, 5, 5], seed: 2)
    let expected = zip(body.forward(x, mode: .training).array, x.array).map { $0 + $1 }
    #expect(block.forward(x, mode: .training).array == expected)
    #expect(try block.outputShape(for: x.shape) == x.shape)
    #expect(block.parameters.map(\.name) == ["body.layers.0.weight", "body.layers.0.bias"])
    let check = GradientCheck(layer: block, input: x)
    #expect(check.worst < GradientCheck.tolerance, "\(check.errors)")
    expectReusesBuffers(block, input: x)
  }

  @Test("projection shortcut: parameters named shortcut.…, gradients match finite differences")
  func projectionShortcut() {
    var g = RandomGenerator(seed: 1)
    let block = Residual(
      body: Conv2D(inputChannels: 2, outputChannels: 3, kernelSize: 3, stride: 2, padding: 1, generator: &g),
      shortcut: Conv2D(inputChannels: 2, outputChannels: 3, kernelSize: 1, stride: 2, generator: &g))
    #expect(block.parameters.map(\.name) == ["body.weight", "body.bias", "shortcut.weight", "shortcut.bias"])
    let check = GradientCheck(layer: block, input: randomTensor([2, 2, 6, 6], seed: 2))
    #expect(check.worst < GradientCheck.tolerance, "\(check.errors)")
  }

  @Test("mismatched body and shortcut shapes are a shape error")
  func mismatch() {
    var g = RandomGenerator(seed: 1)
    let block = Residual(
      body: Conv2D(inputChannels: 2, outputChannels: 3, kernelSize: 3, generator: &g))
    #expect {
      try block.outputShape(for: [1, 2, 5, 5])
    } throws: { "\($0)".contains("body gives [1, 3, 3, 3] but the shortcut gives [1, 2, 5, 5]") }
  }
}
