/// The fixed random split of a group's values into halves A and B used by the debiased velocity.
///
/// Each tensor is cut into blocks of ``blockSize`` consecutive elements; block `b` of tensor `t` belongs to
/// half A when the lowest bit of SplitMix64(`seed ⊕ (t + 1)·φ + b·φ`) is 0 (φ = 0x9E3779B97F4A7C15), else to
/// half B. One hash per 16 values keeps the split out of the per-element cost; blocks rather than single
/// elements are a mild compromise (neighbouring elements of a weight row share a block), harmless because the
/// split only has to make the two halves' binning noises independent, and distinct values bin independently.
/// The assignment depends only on the seed, tensor index and element index, so every snapshot of a run (live
/// or offline) splits the same way. A tensor of at most 16 values lies in one half.
public struct HalfSplit: Sendable, Hashable {
  /// Number of consecutive elements that share a half.
  public static let blockSize = 16
  /// Seed of the split.
  public let seed: UInt64

  /// A split determined by `seed`.
  public init(seed: UInt64) { self.seed = seed }

  /// The per-tensor salt that enters the block hash.
  func salt(tensor: Int) -> UInt64 { seed ^ (UInt64(tensor + 1) &* 0x9E37_79B9_7F4A_7C15) }

  /// Whether block `block` of the tensor with `salt` belongs to half A.
  @inline(__always)
  static func isInHalfA(salt: UInt64, block: Int) -> Bool {
    var z = salt &+ UInt64(block) &* 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return z & 1 == 0
  }

  /// Whether element `index` of tensor `tensor` belongs to half A.
  public func isInHalfA(tensor: Int, index: Int) -> Bool {
    Self.isInHalfA(salt: salt(tensor: tensor), block: index / Self.blockSize)
  }
}
