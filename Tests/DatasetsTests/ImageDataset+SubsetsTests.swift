import Testing

@testable import Datasets

@Suite("ImageDataset subsets and splits")
struct ImageDatasetSubsetsTests {
  static let dataset = Fixtures.dataset(perClass: [10, 8, 12])

  @Test(
    "stratified subset: equal class shares, extras to the lowest labels",
    arguments: [(9, [3, 3, 3]), (10, [4, 3, 3]), (20, [7, 7, 6]), (0, [0, 0, 0])])
  func shares(count: Int, expected: [Int]) throws {
    let subset = try Self.dataset.stratifiedSubset(count: count, seed: 7)
    #expect(subset.classCounts == expected)
    #expect(subset.count == count)
  }

  @Test("stratified subset: the same seed gives the same samples; another seed others")
  func determinism() throws {
    let a = try Self.dataset.stratifiedSubset(count: 12, seed: 1)
    let b = try Self.dataset.stratifiedSubset(count: 12, seed: 1)
    let c = try Self.dataset.stratifiedSubset(count: 12, seed: 2)
    #expect(a.images.array == b.images.array && a.labels == b.labels)
    #expect(a.images.array != c.images.array)
    // Each sample's pixels carry its source index: the chosen indices are distinct, ascending and
    // carry the right label.
    let sources = (0..<a.count).map { Int(a.images[$0 * a.sampleSize]) }
    #expect(sources == sources.sorted() && Set(sources).count == sources.count)
    #expect(zip(sources, a.labels).allSatisfy { Self.dataset.labels[$0] == $1 })
  }

  @Test("stratified subset: a class with too few samples is an error naming it")
  func notEnough() {
    // 27 samples → shares 9, 9, 9, but class 1 has only 8.
    #expect(throws: DatasetError.notEnoughSamples(dataset: "toy", label: 1, needed: 9, available: 8)) {
      try Self.dataset.stratifiedSubset(count: 27, seed: 0)
    }
  }

  @Test("split: round(f·n_c) per class to validation, disjoint parts covering every sample")
  func split() throws {
    let (train, validation) = try Self.dataset.split(validationFraction: 0.25, seed: 3)
    // round(0.25 × [10, 8, 12]) = [3 (2.5 rounds away from zero), 2, 3].
    #expect(validation.classCounts == [3, 2, 3])
    #expect(train.classCounts == [7, 6, 9])
    let sources = (train.images.array + validation.images.array).enumerated()
      .filter { $0.offset % 8 == 0 }.map { Int($0.element) }
    #expect(sources.sorted() == Array(0..<30))
    let again = try Self.dataset.split(validationFraction: 0.25, seed: 3)
    #expect(again.validation.images.array == validation.images.array)
  }

  @Test("split: a fraction outside (0, 1) is refused", arguments: [0.0, 1.0, -0.5, .nan])
  func badFraction(fraction: Double) {
    #expect(throws: DatasetError.self) { try Self.dataset.split(validationFraction: fraction, seed: 0) }
  }
}
