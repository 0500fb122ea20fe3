import Synchronization
import TensorCore

/// Runs work with OpenBLAS single-threaded, for sections that already spread their own work over
/// the cores. Sections may overlap (two models on two threads): the first to enter saves the
/// thread count and the last to leave restores it, so overlapping sections never leave OpenBLAS
/// stuck at one thread.
enum SingleThreadedBLAS {
  private static let state = Mutex<(depth: Int, saved: Int)>((0, 1))

  static func run(_ body: () -> Void) {
    state.withLock { state in
      if state.depth == 0 {
        state.saved = BLAS.threadCount
        BLAS.threadCount = 1
      }
      state.depth += 1
    }
    body()
    state.withLock { state in
      state.depth -= 1
      if state.depth == 0 { BLAS.threadCount = state.saved }
    }
  }
}
