import TensorCore

extension ImageDataset {
  /// A reusable batch buffer for ``gather(indices:images:labels:)``: an images tensor with room for
  /// `capacity` samples, shape `[capacity, channels, height, width]`, and an empty labels array with
  /// that capacity reserved.
  public func makeBatchBuffers(capacity: Int) -> (images: Tensor, labels: [Int32]) {
    var labels: [Int32] = []
    labels.reserveCapacity(capacity)
    return (Tensor(zeros: [capacity, channels, height, width]), labels)
  }

  /// Copies the samples at `indices` into the preallocated `images` and `labels`, without allocating.
  ///
  /// `images` is reshaped in place to `[indices.count, channels, height, width]` (a smaller last
  /// batch reuses the same storage) and `labels` is emptied keeping its capacity, then filled.
  /// `images.capacity` must hold `indices.count` samples and every index must be in `0..<count`.
  public func gather(indices: ArraySlice<Int>, images batch: Tensor, labels batchLabels: inout [Int32]) {
    let size = sampleSize
    precondition(indices.count * size <= batch.capacity, "gather: \(indices.count) samples exceed the buffer")
    batch.reshape(to: [indices.count, channels, height, width])
    batchLabels.removeAll(keepingCapacity: true)
    var target = batch.pointer
    for index in indices {
      precondition(index >= 0 && index < count, "gather: index \(index) outside 0..<\(count)")
      target.update(from: images.pointer + index * size, count: size)
      target += size
      batchLabels.append(labels[index])
    }
  }
}
