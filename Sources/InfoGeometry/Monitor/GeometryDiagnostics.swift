/// L of one group under several resolutions or strides, from one run: a flat curve means the estimate
/// does not depend on that choice.
public struct SensitivityCurve: Sendable, Equatable, Codable {
  /// Group name.
  public var group: String
  /// The varied setting: bin counts (K/4, K, 4K) or strides in optimizer steps (1, 2, 4, 8 observations).
  public var settings: [Int]
  /// Naive L at each setting.
  public var naiveLengths: [Double]
  /// Debiased L at each setting.
  public var debiasedLengths: [Double]
  /// Kernel L at each setting (nil in archives written before the kernel estimate existed).
  public var kernelLengths: [Double]?
  /// Optimizer step up to which each length is summed (a stride-s path ends at the last multiple of s).
  public var lastSteps: [Int]
}
