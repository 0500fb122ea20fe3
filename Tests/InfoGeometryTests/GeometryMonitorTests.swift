import Foundation
import Testing

@testable import InfoGeometry

/// Analytic checks of Γ and L on coherent motion: a fixed set of 10⁶ draws z moved as θ = μ(t) + σ(t)·z.
/// Moving fixed draws (rather than resampling) makes the estimate honest: the sample's own density moves
/// exactly as the model says, with no resampling noise floor K/(2N) per step; what remains is the
/// estimator's own error (bin discretization and values crossing bin edges), which is what is tested.
@Suite("GeometryMonitor against closed forms")
struct GeometryMonitorTests {
  static let z = TestSamples.million

  /// Per-step Γ of the primary estimator over the steps after the first.
  static func velocities(_ result: GeometryAnalysisResult, _ pick: (GeometryRecord) -> Double) -> [Double] {
    result.records.dropFirst().map(pick)
  }

  /// The paper's recipe (hard bins, naive distance) needs K ≪ √(N·Δ/σ): values crossing bin edges add
  /// ≈ 12σΔ/(N h²) to d² (h the bin width), +15% at the default K = 250 here; at K = 64 it is +1%.
  @Test(
    "mean drift at speed v: histogram Γ within 2% of v/σ, Gaussian Γ within 0.5%",
    arguments: [
      (GeometryConfiguration(), nil), (GeometryConfiguration.paperRecipe, 64),
    ])
  func meanDrift(configuration: GeometryConfiguration, bins: Int?) throws {
    // v = 0.05σ per step over 12 steps, σ = 1.5: Γ = v/σ = 1/30 per step.
    let sigma = 1.5
    let v = 0.05 * sigma
    var c = configuration
    c.diagnostics = false
    c.binCount = bins
    let path = (0..<12).map { (mean: v * Double($0), std: sigma) }
    let result = try TestSamples.analyse(TestSamples.coherent(Self.z, path: path), c)
    for g in Self.velocities(result, \.velocity) { #expect(abs(g / (v / sigma) - 1) < 0.02) }
    for g in Self.velocities(result, \.velocityGaussian) { #expect(abs(g / (v / sigma) - 1) < 0.005) }
  }

  @Test("width growth σ₀e^{at}: Γ within 2% of √2|a| and L within 2% of √2|ln(σ₂/σ₁)|")
  func widthGrowth() throws {
    let a = 0.03
    let path = (0..<15).map { (mean: 0.2, std: 0.8 * exp(a * Double($0))) }
    let result = try TestSamples.analyse(TestSamples.coherent(Self.z, path: path), GeometryConfiguration())
    // The run's mean Γ within 2%; single steps within 4% (each step's debiased estimate carries the
    // split-half estimator's own noise, ±2.8% at most here, measured).
    let gammas = Self.velocities(result, \.velocity)
    #expect(abs(gammas.reduce(0, +) / Double(gammas.count) / (2.0.squareRoot() * a) - 1) < 0.02)
    for g in gammas { #expect(abs(g / (2.0.squareRoot() * a) - 1) < 0.04) }
    let exact = 2.0.squareRoot() * log(path.last!.std / path.first!.std)
    let last = try #require(result.records.last)
    #expect(abs(last.length / exact - 1) < 0.02)
    #expect(abs(last.lengthGaussian / exact - 1) < 0.005)
    // The lattice grew with the spreading values: nothing fell outside it.
    #expect(result.records.allSatisfy { $0.underflow == 0 && $0.overflow == 0 })
  }

  /// Measured (10⁶ values, drift of 0.25σ per step, fixed grid [−6σ, 6.75σ], naive distance), |relative
  /// error of Γ| at K = 8, 16, 32, 64, 128: nearest 9.2%, 2.6%, 0.70%, 0.14%, 0.10%; linear 16%, 5.0%, 1.3%,
  /// 0.32%, 0.01%. The discretization loss falls like K⁻² (linear binning smooths by h²/6, twice the loss).
  @Test(
    "with N ≫ K the histogram estimate approaches the analytic Γ as K grows",
    arguments: BinningScheme.allCases)
  func convergenceInBins(scheme: BinningScheme) throws {
    let v = 0.25
    let path = (0..<4).map { (mean: v * Double($0), std: 1.0) }
    let snapshots = TestSamples.coherent(Self.z, path: path)
    var errors: [Double] = []
    for k in [8, 16, 32, 64, 128] {
      var c = GeometryConfiguration.paperRecipe
      c.binning = scheme
      c.diagnostics = false
      c.binCount = k
      c.gridPolicy = .fixed(lower: -6, upper: 6.75)
      let result = try TestSamples.analyse(snapshots, c)
      let gamma = Self.velocities(result, \.velocity).reduce(0, +) / 3
      errors.append(abs(gamma / v - 1))
    }
    print("convergence in K (\(scheme)), |relative error of Γ| at K = 8…128:", errors)
    for (coarse, fine) in zip(errors, errors.dropFirst()) where coarse > 0.002 { #expect(fine < coarse) }
    #expect(errors.last! < 0.005)
  }

  @Test("live observation and the offline analysis of the same snapshots give identical records")
  func liveEqualsOffline() throws {
    var r = TestRandom(seed: 21)
    let names = ["l.0.weight", "l.0.bias", "l.1.weight"]
    let sizes = [70_000, 40, 80_000]
    var state = sizes.map { n in (0..<n).map { _ in Float(0.1 * r.normal()) } }
    var snapshots: [ParameterSnapshot<Float>] = []
    for step in 1...6 {
      snapshots.append(ParameterSnapshot(step: step * 3, tensors: state))
      state = state.map { t in t.map { $0 + Float(0.002 * r.normal()) + 0.001 } }
    }
    var c = GeometryConfiguration()
    c.groups = [.all, .weights, .biases]
    let offline = try GeometryAnalysis.run(tensorNames: names, snapshots: snapshots, configuration: c)
    let live = try GeometryMonitor(tensorNames: names, elementCounts: sizes, configuration: c)
    var liveRecords: [GeometryRecord] = []
    for s in snapshots {
      let records = try s.tensors[0].withUnsafeBufferPointer { a in
        try s.tensors[1].withUnsafeBufferPointer { b in
          try s.tensors[2].withUnsafeBufferPointer { w in try live.observe(step: s.step, tensors: [a, b, w]) }
        }
      }
      liveRecords += records
    }
    #expect(liveRecords.count == 18)
    #expect(liveRecords.map(\.csvFields) == offline.records.map(\.csvFields))
    #expect(live.resolutionCurve(group: "all") == offline.monitor.resolutionCurve(group: "all"))
  }

  @Test("mass outside a bounded grid is reported, and a warning raised above 1%")
  func outsideMassWarning() throws {
    let path = (0..<3).map { (mean: 0.3 * Double($0), std: 1.0) }
    var c = GeometryConfiguration()
    c.gridPolicy = .fixed(lower: -2, upper: 2)
    c.diagnostics = false
    let result = try TestSamples.analyse(TestSamples.coherent(Array(Self.z.prefix(20_000)), path: path), c)
    let last = try #require(result.records.last)
    // N(0.6, 1) puts Φ(−2.6) ≈ 0.5% below −2 and 1 − Φ(1.4) ≈ 8% above 2 (linear binning shares the edge
    // half-bins with the outside categories, so allow ±1.5%).
    #expect(abs(last.underflow - 0.005) < 0.015 && abs(last.overflow - 0.081) < 0.015)
    #expect(result.monitor.warnings.contains { if case .massOutsideGrid = $0 { true } else { false } })
  }

  @Test("a diverging value keeps the lattice bounded and is reported as outside mass")
  func divergence() throws {
    let monitor = try GeometryMonitor(tensorNames: ["w"], elementCounts: [1_000])
    var values = Self.z.prefix(1_000).map { Float($0) }
    try values.withUnsafeBufferPointer { _ = try monitor.observe(step: 1, tensors: [$0]) }
    values[3] = 1e30
    values[4] = .nan
    let record = try values.withUnsafeBufferPointer { try monitor.observe(step: 2, tensors: [$0]) }[0]
    #expect(record.binCount < 10_000)
    // The huge value lands in overflow, the NaN in underflow: 1/1000 each.
    #expect(abs(record.overflow - 0.001) < 1e-12 && abs(record.underflow - 0.001) < 1e-12)
  }

  @Test("the stride is respected and recorded; Γ is per optimizer step")
  func strideHandling() throws {
    var c = GeometryConfiguration()
    c.stride = 5
    let monitor = try GeometryMonitor(tensorNames: ["w"], elementCounts: [4_000], configuration: c)
    var observed: [Int] = []
    for step in 1...16 {
      let values = Self.z.prefix(4_000).map { Float($0 + 0.01 * Double(step)) }
      let records = try values.withUnsafeBufferPointer { try monitor.observe(step: step, tensors: [$0]) }
      observed += records.map(\.step)
      if let r = records.first, r.step > 1 { #expect(r.interval == 5 && r.stride == 5) }
    }
    #expect(observed == [1, 6, 11, 16])
    #expect(throws: GeometryError.self) {
      try [Float](repeating: 0, count: 3).withUnsafeBufferPointer {
        try monitor.observe(step: 40, tensors: [$0])
      }
    }
  }

  @Test("stored histograms stay bounded and log-spaced over a long run")
  func storedHistograms() throws {
    var c = GeometryConfiguration()
    c.storedHistogramLimit = 8
    c.diagnostics = false
    let monitor = try GeometryMonitor(tensorNames: ["w"], elementCounts: [512], configuration: c)
    for step in 1...3_000 {
      let values = Self.z.prefix(512).map { Float($0 * (1 + 1e-4 * Double(step))) }
      try values.withUnsafeBufferPointer { _ = try monitor.observe(step: step, tensors: [$0]) }
    }
    let stored = monitor.storedHistograms(group: "all")
    #expect(stored.count <= 8 && stored.count >= 4)
    #expect(stored.first?.step == 1)
    let ratios = zip(stored, stored.dropFirst()).map { Double($1.step) / Double($0.step) }
    // Log-spaced: after thinning to 2 per decade, consecutive kept steps are about √10 ≈ 3.2 apart.
    #expect(ratios.allSatisfy { $0 > 1.5 })
    for h in stored { #expect(abs(h.masses.reduce(0, +) + h.underflow + h.overflow - 1) < 1e-12) }
  }
}
