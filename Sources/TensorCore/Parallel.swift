import Dispatch

/// Splits element-wise work over the machine's cores.
public enum Parallel {
  /// Worker count for element-wise loops; set to 1 for bit-reproducible single-threaded runs.
  nonisolated(unsafe) public static var workerCount: Int = ProcessInfoCores.active

  /// Below this many elements a loop runs on the calling thread: splitting costs more than it saves.
  public static let minimumElementsPerWorker = 32_768

  /// Calls `body(range)` for disjoint chunks covering `0..<count`, concurrently when it pays.
  /// The chunks are fixed by `count` and `workerCount` alone, so results do not depend on timing.
  @inlinable
  public static func forChunks(of count: Int, _ body: (Range<Int>) -> Void) {
    let workers = min(workerCount, count / minimumElementsPerWorker)
    if workers <= 1 {
      body(0..<count)
      return
    }
    let chunk = (count + workers - 1) / workers
    // The chunks are disjoint, so callers' writes through captured pointers never race.
    nonisolated(unsafe) let body = body
    DispatchQueue.concurrentPerform(iterations: workers) { w in
      let start = w * chunk
      body(start..<min(count, start + chunk))
    }
  }
}

/// The number of cores available to this process.
public enum ProcessInfoCores {
  public static var active: Int { max(1, sysconfActive()) }
}

#if canImport(Glibc)
  import Glibc
  @usableFromInline func sysconfActive() -> Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
#else
  import Foundation
  @usableFromInline func sysconfActive() -> Int { ProcessInfo.processInfo.activeProcessorCount }
#endif
