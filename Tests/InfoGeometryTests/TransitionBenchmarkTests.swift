import Testing

@testable import InfoGeometry

@Suite("TransitionBenchmark")
struct TransitionBenchmarkTests {
  @Test("names one timing per method and one for the online detector, all positive")
  func runs() throws {
    let timings = try TransitionBenchmark.run(gridSize: 128, repetitions: 1)
    #expect(
      timings.map(\.name) == [
        "analysis tikhonov n=128", "analysis totalVariation n=128", "analysis savitzkyGolay n=128",
        "online detector to confirmation",
      ])
    #expect(timings.allSatisfy { $0.seconds > 0 })
  }
}
