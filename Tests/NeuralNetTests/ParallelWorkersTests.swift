import Synchronization
import TensorCore
import Testing

@testable import NeuralNet

@Suite("Parallel.forWorkers")
struct ParallelWorkersTests {
  @Test(
    "ranges are disjoint, contiguous, cover every item, and worker indices are distinct",
    arguments: [1, 2, 7, 64, 1000])
  func covers(items: Int) {
    let seen = Mutex([(worker: Int, range: Range<Int>)]())
    Parallel.forWorkers(items: items, workPerItem: 100_000) { worker, range in
      seen.withLock { $0.append((worker, range)) }
    }
    let parts = seen.withLock { $0 }.sorted { $0.range.lowerBound < $1.range.lowerBound }
    #expect(parts.count == Parallel.workerCount(items: items, workPerItem: 100_000))
    #expect(Set(parts.map(\.worker)).count == parts.count)
    #expect(parts.first?.range.lowerBound == 0 && parts.last?.range.upperBound == items)
    #expect(zip(parts, parts.dropFirst()).allSatisfy { $0.range.upperBound == $1.range.lowerBound })
  }

  @Test("small jobs stay on one worker")
  func smallJobs() {
    #expect(Parallel.workerCount(items: 1000, workPerItem: 10) == 1)
    #expect(Parallel.workerCount(items: 1, workPerItem: 10_000_000) == 1)
  }
}
