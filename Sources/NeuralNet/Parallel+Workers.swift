import Dispatch
import TensorCore

extension Parallel {
  /// The number of workers `forWorkers` uses for `items` independent items of `workPerItem`
  /// elementary operations each: at most one per core and per item, and none beyond one while the
  /// whole job is under `minimumElementsPerWorker` operations per worker.
  static func workerCount(items: Int, workPerItem: Int) -> Int {
    let byWork = items * workPerItem / minimumElementsPerWorker
    return max(1, min(workerCount, items, byWork))
  }

  /// Calls `body(worker, range)` for `workerCount(items:workPerItem:)` disjoint, contiguous ranges of
  /// items covering `0..<items`, concurrently when there is more than one. The split depends only
  /// on the counts, so results do not depend on timing; `worker` indexes per-worker scratch space.
  static func forWorkers(
    items: Int, workPerItem: Int, _ body: (_ worker: Int, _ range: Range<Int>) -> Void
  ) {
    let workers = workerCount(items: items, workPerItem: workPerItem)
    if workers == 1 {
      body(0, 0..<items)
      return
    }
    let chunk = (items + workers - 1) / workers
    // Workers touch disjoint items and their own scratch space, so writes through captured
    // pointers never race.
    nonisolated(unsafe) let body = body
    DispatchQueue.concurrentPerform(iterations: workers) { w in
      let start = min(items, w * chunk)
      body(w, start..<min(items, start + chunk))
    }
  }
}
