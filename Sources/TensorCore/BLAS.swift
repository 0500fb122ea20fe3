import COpenBLAS
import Dispatch
import Synchronization

/// Matrix products through OpenBLAS's `cblas_sgemm`, on row-major, contiguous operands.
///
/// OpenBLAS itself always runs single-threaded; a large product is split here into row (or column) blocks
/// of C computed concurrently on Dispatch workers. OpenBLAS's own thread pool would keep its workers
/// spinning in `sched_yield` for a long time after every call, taking cores from whatever runs between
/// the products (element-wise loops, the geometry monitor); split this way, nothing spins when no product
/// runs.
public enum BLAS {
  private static let threads = Atomic<Int>(1)
  private static let openBLASSingleThreaded: Void = openblas_set_num_threads(1)

  /// Below this many multiply-adds (m·n·k) a product runs on the calling thread.
  public static let minimumWorkToSplit = 1 << 18

  /// C ← α·op(A)·op(B) + β·C, where op(X) is X or Xᵀ.
  ///
  /// Shapes after `op`: op(A) is m×k, op(B) is k×n, C is m×n. `lda`, `ldb` and `ldc` are the row
  /// strides of the stored (untransposed) matrices; they default to the contiguous case. With `threads`
  /// (default ``threadCount``) > 1 and at least ``minimumWorkToSplit`` multiply-adds, C is cut into that
  /// many blocks along its longer side, each a product of its own; every element of C is still computed
  /// by one call over the whole of k.
  public static func gemm(
    transposeA: Bool = false, transposeB: Bool = false,
    m: Int, n: Int, k: Int,
    alpha: Float = 1, a: UnsafePointer<Float>, lda: Int? = nil,
    b: UnsafePointer<Float>, ldb: Int? = nil,
    beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int? = nil, threads: Int? = nil
  ) {
    _ = openBLASSingleThreaded
    let lda = lda ?? (transposeA ? m : k)
    let ldb = ldb ?? (transposeB ? k : n)
    let ldc = ldc ?? n
    let transA = transposeA ? CblasTrans : CblasNoTrans
    let transB = transposeB ? CblasTrans : CblasNoTrans
    func product(rows: Range<Int>, columns: Range<Int>) {
      // Row r of op(A) starts at a + r·lda (stored as is) or a + r (stored transposed); column j of op(B)
      // at b + j (as is) or b + j·ldb (transposed).
      let aBlock = a + rows.lowerBound * (transposeA ? 1 : lda)
      let bBlock = b + columns.lowerBound * (transposeB ? ldb : 1)
      cblas_sgemm(
        CblasRowMajor, transA, transB, Int32(rows.count), Int32(columns.count), Int32(k), alpha, aBlock,
        Int32(lda), bBlock, Int32(ldb), beta, c + rows.lowerBound * ldc + columns.lowerBound, Int32(ldc))
    }
    let side = max(m, n)
    let parts = m * n * k >= minimumWorkToSplit ? min(threads ?? threadCount, side / 16) : 1
    guard parts > 1 else { return product(rows: 0..<m, columns: 0..<n) }
    let block = (side + parts - 1) / parts
    nonisolated(unsafe) let product = product
    DispatchQueue.concurrentPerform(iterations: parts) { p in
      let cut = (p * block)..<min(side, (p + 1) * block)
      if m >= n { product(cut, 0..<n) } else { product(0..<m, cut) }
    }
  }

  /// The number of threads one ``gemm(transposeA:transposeB:m:n:k:alpha:a:lda:b:ldb:beta:c:ldc:threads:)`` call
  /// may use (at least 1).
  public static var threadCount: Int {
    get { threads.load(ordering: .relaxed) }
    set { threads.store(max(1, newValue), ordering: .relaxed) }
  }
}
