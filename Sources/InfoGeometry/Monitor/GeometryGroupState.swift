/// The running state of one parameter group inside a ``GeometryMonitor``: its grid, the last snapshots'
/// histograms, and the path sums of every estimator, resolution and stride.
struct GeometryGroupState {
  let name: String
  let tensors: [Int]
  let elementCount: Int
  /// Bins K at the reporting resolution.
  let binCount: Int
  /// Merge factors from the fine grid to each level: [1, 4, 16] (4K, K, K/4) with diagnostics, else [1].
  let factors: [Int]
  /// Index of the reporting resolution K in `factors`.
  let mainLevel: Int
  let historyDepth: Int
  let fixedRange: ClosedRange<Double>?
  private(set) var fineGrid = HistogramGrid(unchecked: 0, binWidth: 1, firstIndex: 0, binCount: 1)
  private(set) var isLattice = false
  let bandwidthFactor: Double
  /// The kernel of the smoothed estimates and the standard deviation it was chosen for (nil before the
  /// first snapshot).
  private(set) var smoothing: (kernel: KernelSmoothing, standardDeviation: Double)? = nil
  /// The last snapshots' histograms at each level, as binned and kernel-smoothed.
  private var history: [[SplitHistogram]] = []
  private var smoothedHistory: [[SplitHistogram]] = []
  private var historySteps: [Int] = []
  private(set) var levelNaive: [InformationPath]
  private(set) var levelDebiased: [DebiasedPath]
  private(set) var levelKernel: [InformationPath]
  private(set) var strideNaive: [InformationPath]
  private(set) var strideDebiased: [DebiasedPath]
  private(set) var strideKernel: [InformationPath]
  private(set) var strideLastSteps: [Int]
  private var gaussian = InformationPath()
  private var euclidean = EuclideanPath()
  private var previousMoments: SampleMoments? = nil
  private(set) var archive: HistogramArchive
  private(set) var largestOutside: (step: Int, mass: Double) = (0, 0)

  init(
    name: String, tensors: [Int], elementCount: Int, binCount: Int, configuration: GeometryConfiguration,
    range: ClosedRange<Double>?
  ) {
    self.name = name
    self.tensors = tensors
    self.elementCount = elementCount
    self.binCount = binCount
    factors = configuration.diagnostics ? GeometryMonitor.diagnosticFactors : [1]
    mainLevel = configuration.diagnostics ? 1 : 0
    historyDepth = configuration.diagnostics ? GeometryMonitor.diagnosticStrides.last! : 1
    fixedRange = range
    bandwidthFactor = configuration.bandwidthFactor
    let window = configuration.debiasWindow
    levelNaive = factors.map { _ in InformationPath() }
    levelDebiased = factors.map { _ in DebiasedPath(window: window) }
    levelKernel = factors.map { _ in InformationPath() }
    strideNaive = GeometryMonitor.diagnosticStrides.map { _ in InformationPath() }
    strideDebiased = GeometryMonitor.diagnosticStrides.map { _ in DebiasedPath(window: window) }
    strideKernel = GeometryMonitor.diagnosticStrides.map { _ in InformationPath() }
    strideLastSteps = GeometryMonitor.diagnosticStrides.map { _ in 0 }
    archive = HistogramArchive(limit: configuration.storedHistogramLimit)
  }

  /// Bin counts of the levels (4K, K, K/4 with diagnostics) on the current grid.
  var levelBinCounts: [Int] { factors.map { fineGrid.coarsened(by: $0).binCount } }

  private var fineBinCount: Int { binCount * factors[mainLevel] }
  private var headroom: Int { max(1, fineBinCount / 8) }

  /// Chooses the fine grid from the first snapshot's finite range `[minimum, maximum]`. A degenerate range
  /// (all values equal, e.g. zero-initialised biases) is replaced by a width of `max(2·|x|, 10⁻³)`.
  mutating func chooseGrid(minimum: Double, maximum: Double, policy: GridPolicy) {
    var lo = minimum.isFinite ? minimum : 0
    var hi = maximum.isFinite ? maximum : 0
    if let r = fixedRange {
      lo = r.lowerBound
      hi = r.upperBound
    }
    var span = hi - lo
    if !(span > 0) {
      span = max(2 * max(abs(lo), abs(hi)), 1e-3)
      lo -= span / 2
      hi += span / 2
    }
    let k = fineBinCount
    switch (fixedRange, policy) {
    case (nil, .fixed(let lower, let upper)):
      fineGrid = HistogramGrid(
        unchecked: lower, binWidth: (upper - lower) / Double(k), firstIndex: 0, binCount: k)
    case (nil, .firstSnapshot(let margin)):
      let lower = lo - margin * span
      fineGrid = HistogramGrid(
        unchecked: lower, binWidth: (span * (1 + 2 * margin)) / Double(k), firstIndex: 0, binCount: k)
    case (nil, .lattice):
      isLattice = true
      let width = span / Double(k)
      let first = Int((lo / width).rounded(.down)) - headroom
      let last = Int((hi / width).rounded(.down)) + headroom
      fineGrid = HistogramGrid(unchecked: 0, binWidth: width, firstIndex: first, binCount: last - first + 1)
    default:
      fineGrid = HistogramGrid(unchecked: lo, binWidth: span / Double(k), firstIndex: 0, binCount: k)
    }
  }

  /// Extends a lattice grid to cover the snapshot's range; re-expresses the kept histograms on it.
  /// Returns false when the grid already covers every finite value (the outside mass is NaN or ±∞) or when
  /// covering would take more than 64 times the initial bins (a diverging run keeps its grid and reports
  /// the outside mass).
  mutating func grow(toCover moments: SampleMoments) -> Bool {
    let grown = fineGrid.covering(
      lower: moments.minimum, upper: moments.maximum, headroom: headroom,
      maximumBinCount: min(max(64 * fineBinCount, 4_096), HistogramKernel.maximumBinCount))
    guard grown != fineGrid else { return false }
    fineGrid = grown
    history = history.map { levels in
      let fine = levels[0].embedded(in: grown)
      return factors.map { fine.coarsened(by: $0) }
    }
    if let s = smoothing { smoothedHistory = history.map { smoothedLevels($0[0], s.kernel) } }
    return true
  }

  /// The levels of the kernel-smoothed fine histogram (smoothing at the finest level, then merging bins).
  private func smoothedLevels(_ fine: SplitHistogram, _ kernel: KernelSmoothing) -> [SplitHistogram] {
    let smooth = kernel.smoothed(fine)
    return factors.map { smooth.coarsened(by: $0) }
  }

  /// Chooses the kernel by Silverman's rule at the first snapshot, and again whenever the group's standard
  /// deviation has moved by more than 10% from the one the kernel was chosen for; the kept histograms are
  /// then smoothed anew, so both ends of every step always share one kernel. Returns the kernel in use.
  private mutating func updateSmoothing(fine: SplitHistogram, standardDeviation: Double) -> KernelSmoothing {
    if let s = smoothing, abs(standardDeviation - s.standardDeviation) <= 0.1 * s.standardDeviation {
      return s.kernel
    }
    let kernel = KernelSmoothing(
      bandwidth: KernelSmoothing.silvermanBandwidth(
        for: fine, standardDeviation: standardDeviation, factor: bandwidthFactor))
    let changed = smoothing?.kernel != kernel
    smoothing = (kernel, standardDeviation)
    if changed { smoothedHistory = history.map { smoothedLevels($0[0], kernel) } }
    return kernel
  }

  /// Adds the snapshot at `step` (the `observation`-th, from 0) and returns its record. `displacement` is
  /// the Euclidean sums against the previous snapshot (nil at the first or with the comparator off).
  mutating func advance(
    step: Int, interval: Int, histogram: SplitHistogram, moments: SampleMoments,
    displacement: DisplacementSums?, observation: Int, configuration: GeometryConfiguration
  ) -> GeometryRecord {
    let levels = factors.map { histogram.coarsened(by: $0) }
    let smoother = updateSmoothing(fine: histogram, standardDeviation: moments.standardDeviation)
    let smoothed = smoothedLevels(histogram, smoother)
    var noiseShare = Double.nan
    if let previous = history.last, let previousSmoothed = smoothedHistory.last {
      for l in levels.indices {
        levelNaive[l].append(
          distance: HistogramStep(from: previous[l], to: levels[l]).fisherRao, interval: interval)
        let change = HistogramStep(from: previousSmoothed[l], to: smoothed[l])
        levelKernel[l].append(distance: change.fisherRao, interval: interval)
        levelDebiased[l].append(change, interval: interval)
      }
      noiseShare = levelDebiased[mainLevel].noiseShare
    }
    if let p = previousMoments {
      gaussian.append(
        distance: FisherRao.gaussianDistance(
          mean1: p.mean, std1: p.standardDeviation, mean2: moments.mean, std2: moments.standardDeviation),
        interval: interval)
    }
    previousMoments = moments
    if let d = displacement {
      euclidean.append(
        squaredDisplacement: d.squaredDisplacement, squaredNorm: d.squaredNorm, interval: interval)
    }
    if factors.count > 1 {
      strideNaive[0] = levelNaive[mainLevel]
      strideDebiased[0] = levelDebiased[mainLevel]
      strideKernel[0] = levelKernel[mainLevel]
      strideLastSteps[0] = step
      for (j, s) in GeometryMonitor.diagnosticStrides.enumerated() where j > 0 {
        guard observation % s == 0, history.count >= s else { continue }
        let earlier = history.count - s
        let interval = step - historySteps[earlier]
        let naive = HistogramStep(from: history[earlier][mainLevel], to: levels[mainLevel])
        strideNaive[j].append(distance: naive.fisherRao, interval: interval)
        let change = HistogramStep(from: smoothedHistory[earlier][mainLevel], to: smoothed[mainLevel])
        strideKernel[j].append(distance: change.fisherRao, interval: interval)
        strideDebiased[j].append(change, interval: interval)
        strideLastSteps[j] = step
      }
    }
    history.append(levels)
    smoothedHistory.append(smoothed)
    historySteps.append(step)
    if history.count > historyDepth {
      history.removeFirst()
      smoothedHistory.removeFirst()
      historySteps.removeFirst()
    }
    let main = levels[mainLevel]
    let outside = main.underflowMass + main.overflowMass
    if outside > largestOutside.mass { largestOutside = (step, outside) }
    if archive.wants(step: step) {
      let masses = main.masses
      archive.add(
        StoredHistogram(
          group: name, step: step, lowerEdge: main.grid.lowerEdge, binWidth: main.grid.binWidth,
          masses: Array(masses[1...main.grid.binCount]), underflow: masses[0],
          overflow: masses[main.grid.binCount + 1]))
    }
    let naive = levelNaive[mainLevel]
    let debiased = levelDebiased[mainLevel]
    let kernel = levelKernel[mainLevel]
    let primary: (Double, Double) =
      switch configuration.estimator {
      case .debiased: (debiased.velocity, debiased.length)
      case .naive: (naive.velocity, naive.length)
      case .kernel: (kernel.velocity, kernel.length)
      case .gaussian: (gaussian.velocity, gaussian.length)
      }
    return GeometryRecord(
      group: name, step: step, stride: configuration.stride, interval: interval, elementCount: elementCount,
      binCount: main.grid.binCount, estimator: configuration.estimator, velocity: primary.0,
      length: primary.1,
      velocityNaive: naive.velocity, lengthNaive: naive.length, velocityDebiased: debiased.velocity,
      lengthDebiased: debiased.length, noiseShare: noiseShare, velocityGaussian: gaussian.velocity,
      lengthGaussian: gaussian.length, velocityKernel: kernel.velocity, lengthKernel: kernel.length,
      bandwidth: smoother.bandwidth, mean: moments.mean,
      standardDeviation: moments.standardDeviation,
      minimum: moments.minimum, maximum: moments.maximum, underflow: main.underflowMass,
      overflow: main.overflowMass,
      velocityEuclidean: configuration.euclidean ? euclidean.velocity : .nan,
      lengthEuclidean: configuration.euclidean ? euclidean.length : .nan,
      relativeUpdate: configuration.euclidean ? euclidean.relativeUpdate : .nan)
  }
}
