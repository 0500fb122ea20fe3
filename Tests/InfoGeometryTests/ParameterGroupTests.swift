import Testing

@testable import InfoGeometry

@Suite("ParameterGroup")
struct ParameterGroupTests {
  let names = ["layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias", "head.weight"]

  @Test("groups resolve to index sets in tensor order")
  func resolve() throws {
    #expect(try ParameterGroup.all.resolve(against: names).map(\.tensors) == [[0, 1, 2, 3, 4]])
    #expect(try ParameterGroup.weights.resolve(against: names).map(\.tensors) == [[0, 2, 4]])
    #expect(try ParameterGroup.biases.resolve(against: names).map(\.tensors) == [[1, 3]])
    #expect(try ParameterGroup.pattern("layers.1").resolve(against: names).map(\.tensors) == [[2, 3]])
    #expect(try ParameterGroup.pattern("*.0.*").resolve(against: names).map(\.tensors) == [[0, 1]])
    #expect(try ParameterGroup.pattern("layers.?.bias").resolve(against: names).map(\.tensors) == [[1, 3]])
    #expect(try ParameterGroup.tensor("head.weight").resolve(against: names).map(\.name) == ["head.weight"])
    #expect(try ParameterGroup.eachTensor.resolve(against: names).map(\.name) == names)
  }

  @Test("a group that matches nothing is an error naming it")
  func empty() {
    #expect(throws: GeometryError.self) { try ParameterGroup.pattern("conv*").resolve(against: names) }
  }

  @Test("text forms parse, and a comma list gives several groups")
  func parsing() throws {
    #expect(
      try ParameterGroup.parseList("all, weights,biases,each,tensor:a.b,*.bias") == [
        .all, .weights, .biases, .eachTensor, .tensor("a.b"), .pattern("*.bias"),
      ])
    #expect(throws: GeometryError.self) { try ParameterGroup(parsing: "") }
  }
}
