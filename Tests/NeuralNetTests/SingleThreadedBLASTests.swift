import Dispatch
import TensorCore
import Testing

@testable import NeuralNet

@Suite("SingleThreadedBLAS")
struct SingleThreadedBLASTests {
  // The restored count is not checked here: other suites' convolutions enter and leave sections
  // concurrently, so the count seen between sections depends on timing.
  @Test("OpenBLAS runs one thread inside a section, also while overlapping sections leave")
  func overlapping() {
    SingleThreadedBLAS.run {
      #expect(BLAS.threadCount == 1)
      DispatchQueue.concurrentPerform(iterations: 4) { _ in
        SingleThreadedBLAS.run { #expect(BLAS.threadCount == 1) }
      }
      #expect(BLAS.threadCount == 1)
    }
  }
}
