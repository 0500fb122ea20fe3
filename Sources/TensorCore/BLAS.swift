import COpenBLAS

/// Matrix products through OpenBLAS's `cblas_sgemm`, on row-major, contiguous operands.
public enum BLAS {
  /// C ← α·op(A)·op(B) + β·C, where op(X) is X or Xᵀ.
  ///
  /// Shapes after `op`: op(A) is m×k, op(B) is k×n, C is m×n. `lda`, `ldb` and `ldc` are the row
  /// strides of the stored (untransposed) matrices; they default to the contiguous case.
  @inlinable
  public static func gemm(
    transposeA: Bool = false, transposeB: Bool = false,
    m: Int, n: Int, k: Int,
    alpha: Float = 1, a: UnsafePointer<Float>, lda: Int? = nil,
    b: UnsafePointer<Float>, ldb: Int? = nil,
    beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int? = nil
  ) {
    let lda = lda ?? (transposeA ? m : k)
    let ldb = ldb ?? (transposeB ? k : n)
    let ldc = ldc ?? n
    cblas_sgemm(
      CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
      Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
  }

  /// The number of threads OpenBLAS uses for one call.
  public static var threadCount: Int {
    get { Int(openblas_get_num_threads()) }
    set { openblas_set_num_threads(Int32(max(1, newValue))) }
  }
}
