import NeuralNet
import TensorCore
import Testing
import Workflows

@Suite("ModelSpec")
struct ModelSpecTests {
  @Test("parses mlp and cnn specs and prints them back")
  func parsing() throws {
    let mlp = try ModelSpec(parsing: "mlp:256,128")
    #expect(mlp.kind == .mlp && mlp.widths == [256, 128] && mlp.description == "mlp:256,128")
    let cnn = try ModelSpec(parsing: "cnn:32,64/128")
    #expect(cnn.kind == .cnn && cnn.widths == [32, 64] && cnn.denseWidths == [128])
    #expect(cnn.description == "cnn:32,64/128")
  }

  @Test(
    "rejects malformed specs with the reason",
    arguments: ["mlp", "rnn:3", "mlp:0", "mlp:a,b", "cnn:/128", "mlp:3/4"])
  func rejects(text: String) {
    #expect(throws: ModelSpecError.self) { try ModelSpec(parsing: text) }
  }

  @Test("the benchmark's reference models have PyTorch's parameter counts")
  func referenceModels() throws {
    var g = RandomGenerator(seed: 1)
    let mlp = try ModelSpec(kind: .mlp, widths: [512, 512]).build(
      inputShape: [1, 28, 28], classes: 10, generator: &g)
    let cnn = try ModelSpec(kind: .cnn, widths: [32, 64], denseWidths: [128])
      .build(inputShape: [1, 28, 28], classes: 10, generator: &g)
    // MLP: 784·512 + 512 + 512² + 512 + 512·10 + 10; CNN: 32·9 + 32 + 64·32·9 + 64 + 1600·128 + 128 + 1290.
    #expect(mlp.parameterCount == 669_706)
    #expect(cnn.parameterCount == 225_034)
    #expect(
      mlp.parameters.map(\.name) == [
        "layers.1.weight", "layers.1.bias", "layers.3.weight", "layers.3.bias", "layers.5.weight",
        "layers.5.bias",
      ])
  }

  @Test("a CNN too deep for its input is refused with a shape error")
  func tooSmall() {
    var g = RandomGenerator(seed: 1)
    #expect(throws: ShapeError.self) {
      try ModelSpec(kind: .cnn, widths: [8, 8, 8, 8]).build(
        inputShape: [1, 28, 28], classes: 10, generator: &g)
    }
  }
}
