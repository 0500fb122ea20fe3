/// TensorBoard's `HistogramProto`: summary statistics and bucket counts of a set of values.
///
/// Bucket `i` holds `buckets[i]` values in `(bucketLimits[i−1], bucketLimits[i]]`; the first bucket's
/// left edge is taken as `min` by TensorBoard. Fields: `min=1`, `max=2`, `num=3`, `sum=4`,
/// `sum_squares=5` (doubles), `bucket_limit=6`, `bucket=7` (packed doubles).
public struct TensorBoardHistogram: Equatable, Sendable {
  /// The smallest value.
  public var min: Double
  /// The largest value.
  public var max: Double
  /// The number of values, Σ buckets.
  public var num: Double
  /// Σ x over the values.
  public var sum: Double
  /// Σ x² over the values.
  public var sumSquares: Double
  /// The right edge of each bucket, ascending.
  public var bucketLimits: [Double]
  /// The count in each bucket.
  public var buckets: [Double]

  /// A histogram from its fields as TensorBoard stores them.
  public init(
    min: Double, max: Double, num: Double, sum: Double, sumSquares: Double, bucketLimits: [Double],
    buckets: [Double]
  ) {
    self.min = min
    self.max = max
    self.num = num
    self.sum = sum
    self.sumSquares = sumSquares
    self.bucketLimits = bucketLimits
    self.buckets = buckets
  }

  /// A histogram from `edges` (`counts.count + 1` ascending bin edges) and the bin `counts`; the
  /// limits are the right edges `edges[1...]` and `num` is Σ counts.
  public init(edges: [Double], counts: [Double], min: Double, max: Double, sum: Double, sumSquares: Double) {
    precondition(edges.count == counts.count + 1, "a histogram needs one more edge than counts")
    self.init(
      min: min, max: max, num: counts.reduce(0, +), sum: sum, sumSquares: sumSquares,
      bucketLimits: Array(edges.dropFirst()), buckets: counts)
  }

  /// The proto3 encoding (zero scalars and empty lists omitted, as proto3 serializers do).
  public var encoded: ProtobufWriter {
    var writer = ProtobufWriter()
    for (field, value) in [(1, min), (2, max), (3, num), (4, sum), (5, sumSquares)] where value != 0 {
      writer.double(field, value)
    }
    if !bucketLimits.isEmpty { writer.packedDoubles(6, bucketLimits) }
    if !buckets.isEmpty { writer.packedDoubles(7, buckets) }
    return writer
  }
}
