import TensorCore

/// The order in which an epoch visits the training samples: a seeded random permutation per epoch,
/// cut into consecutive batches of `batchSize` (the last one smaller when `batchSize` does not
/// divide `sampleCount`).
///
/// Epoch e's permutation is a Fisher–Yates shuffle of 0..<sampleCount drawn from
/// `RandomGenerator(seed: seed, stream: 2·2³² + e)` (stream family 2, "batches"), so it depends only
/// on the seed and the epoch: the same on every machine, and reproducible for any epoch alone.
public struct BatchOrder: Sendable, Equatable {
  public let sampleCount: Int
  public let batchSize: Int
  public let seed: UInt64

  /// `batchSize` must be positive.
  public init(sampleCount: Int, batchSize: Int, seed: UInt64) {
    precondition(
      batchSize > 0 && sampleCount >= 0, "BatchOrder: batch size \(batchSize), \(sampleCount) samples")
    self.sampleCount = sampleCount
    self.batchSize = batchSize
    self.seed = seed
  }

  /// ⌈sampleCount / batchSize⌉.
  public var batchesPerEpoch: Int { (sampleCount + batchSize - 1) / batchSize }

  /// The permutation of epoch `epoch` (0-based).
  public func permutation(epoch: Int) -> [Int] {
    var order: [Int] = []
    fill(&order, epoch: epoch)
    return order
  }

  /// Overwrites `order` with the permutation of epoch `epoch`, reusing its storage.
  public func fill(_ order: inout [Int], epoch: Int) {
    order.removeAll(keepingCapacity: true)
    order.append(contentsOf: 0..<sampleCount)
    var random = RandomGenerator(seed: seed, stream: 2 << 32 | UInt64(truncatingIfNeeded: epoch))
    random.shuffle(&order)
  }

  /// Batch `batch` (0-based, below ``batchesPerEpoch``) of a permutation: a slice, no copy.
  public func batch(_ batch: Int, of order: [Int]) -> ArraySlice<Int> {
    let start = batch * batchSize
    return order[start..<min(start + batchSize, order.count)]
  }
}
