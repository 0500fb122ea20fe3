import NeuralNet
import TensorCore
import Testing

@Suite("Linear")
struct LinearTests {
  @Test("backward matches finite differences", arguments: [true, false])
  func gradient(bias: Bool) {
    var g = RandomGenerator(seed: 1)
    let layer = Linear(inputFeatures: 7, outputFeatures: 5, bias: bias, generator: &g)
    let check = GradientCheck(layer: layer, input: randomTensor([4, 7], seed: 2))
    #expect(check.worst < GradientCheck.tolerance, "\(check.errors)")
  }

  @Test("forward is x·Wᵀ + b")
  func forward() {
    var g = RandomGenerator(seed: 1)
    let layer = Linear(2, 3, generator: &g)
    layer.weight.value.assign(Tensor([1, 2, 3, 4, 5, 6], shape: [3, 2]))
    layer.bias!.value.assign(Tensor([0.5, -1, 0], shape: [3]))
    let y = layer.forward(Tensor([1, -1, 2, 0.5], shape: [2, 2]), mode: .inference)
    // Small integers and halves: exact in Float32.
    #expect(y.array == [-0.5, -2, -1, 3.5, 7, 13])
  }

  @Test("reuses its buffers; rejects a wrong feature count")
  func buffersAndShapes() {
    var g = RandomGenerator(seed: 1)
    let layer = Linear(7, 5, generator: &g)
    expectReusesBuffers(layer, input: randomTensor([4, 7], seed: 2))
    #expect(throws: ShapeError.self) { try layer.outputShape(for: [4, 6]) }
  }
}
