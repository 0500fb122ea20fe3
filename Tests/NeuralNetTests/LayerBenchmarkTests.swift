import NeuralNet
import TensorCore
import Testing

@Suite("LayerBenchmark")
struct LayerBenchmarkTests {
  @Test("the reference models have PyTorch's shapes and parameter counts")
  func referenceModels() throws {
    var g = RandomGenerator(seed: 1)
    let cnn = LayerBenchmark.referenceCNN(generator: &g)
    let mlp = LayerBenchmark.referenceMLP(generator: &g)
    #expect(try cnn.outputShape(for: [64, 1, 28, 28]) == [64, 10])
    #expect(try mlp.outputShape(for: [128, 784]) == [128, 10])
    // CNN: 32·9 + 32 + 64·32·9 + 64 + 1600·128 + 128 + 128·10 + 10; MLP: 784·512 + 512 + 512² + 512 + 5130.
    #expect(cnn.parameterCount == 225_034)
    #expect(mlp.parameterCount == 669_706)
  }

  @Test("timing rejects an input the model cannot take")
  func rejectsBadShape() {
    var g = RandomGenerator(seed: 1)
    let mlp = LayerBenchmark.referenceMLP(generator: &g)
    #expect(throws: ShapeError.self) { try LayerBenchmark.secondsPerStep(model: mlp, inputShape: [4, 100]) }
  }
}
