import TensorCore
import Testing

@testable import Datasets

@Suite("ImageDataset batching")
struct ImageDatasetBatchingTests {
  @Test("gather copies the chosen samples into the same buffers, shrinking for the last batch")
  func gather() {
    let dataset = Fixtures.dataset(perClass: [3, 3])
    var (images, labels) = dataset.makeBatchBuffers(capacity: 4)
    let storage = images.pointer
    let labelCapacity = labels.capacity
    dataset.gather(indices: [5, 0, 3, 1][...], images: images, labels: &labels)
    #expect(images.shape == [4, 2, 2, 2])
    #expect(images.array == [5, 0, 3, 1].flatMap { [Float](repeating: Float($0), count: 8) })
    #expect(labels == [1, 0, 1, 0])

    dataset.gather(indices: [2, 4][...], images: images, labels: &labels)
    #expect(images.shape == [2, 2, 2, 2] && images.pointer == storage)
    #expect(images.array == [2, 4].flatMap { [Float](repeating: Float($0), count: 8) })
    #expect(labels == [0, 1] && labels.capacity == labelCapacity)
  }
}
