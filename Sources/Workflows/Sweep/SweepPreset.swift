/// Named sweeps (`infogeo sweep --preset NAME`).
public enum SweepPreset: String, CaseIterable, Sendable {
  /// Finite-size scaling on the default experiment: MLPs 784-W-W-10 with W = 32, 64, …, 1024,
  /// three seeds each, everything else the defaults of ``RunConfiguration`` (Fashion-MNIST
  /// subset of 2,000 images, Adam, 100 epochs, the monitor at every step). 18 runs.
  case fss

  /// The plan of the preset.
  public var plan: SweepPlan {
    switch self {
    case .fss:
      SweepPlan(name: "fss", widths: [32, 64, 128, 256, 512, 1024], seeds: [0, 1, 2])
    }
  }
}
