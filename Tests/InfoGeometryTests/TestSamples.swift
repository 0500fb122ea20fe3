import Foundation

@testable import InfoGeometry

/// Seeded random numbers for the tests (SplitMix64 uniforms, Box–Muller normals).
struct TestRandom {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in (0, 1).
  mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992 }

  mutating func normal() -> Double { (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform()) }

  /// A random probability vector of `count` entries, some of them zero.
  mutating func histogram(_ count: Int) -> [Double] {
    let raw = (0..<count).map { _ in uniform() < 0.2 ? 0 : uniform() }
    let total = raw.reduce(0, +)
    return raw.map { $0 / total }
  }
}

enum TestSamples {
  /// 10⁶ fixed standard-normal draws z, shared by the coherent-motion tests.
  static let million: [Double] = {
    var r = TestRandom(seed: 2024)
    return (0..<1_000_000).map { _ in r.normal() }
  }()

  /// Snapshots θ = μ(t) + σ(t)·z of one tensor for the given (μ, σ) path, in Float32, at steps 1, 2, ….
  static func coherent(_ z: [Double], path: [(mean: Double, std: Double)]) -> [ParameterSnapshot<Float>] {
    path.enumerated().map { i, p in
      ParameterSnapshot(step: i + 1, tensors: [z.map { Float(p.mean + p.std * $0) }])
    }
  }

  /// Runs the offline analysis on one tensor named "w".
  static func analyse(
    _ snapshots: [ParameterSnapshot<Float>], _ configuration: GeometryConfiguration
  ) throws -> GeometryAnalysisResult {
    try GeometryAnalysis.run(tensorNames: ["w"], snapshots: snapshots, configuration: configuration)
  }

  static func configuration(
    binning: BinningScheme = .linear, bins: Int? = nil, grid: GridPolicy = .lattice, diagnostics: Bool = false
  ) -> GeometryConfiguration {
    var c = GeometryConfiguration()
    c.binning = binning
    c.binCount = bins
    c.gridPolicy = grid
    c.diagnostics = diagnostics
    return c
  }
}
