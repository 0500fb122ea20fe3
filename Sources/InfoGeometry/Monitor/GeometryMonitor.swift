import Dispatch

/// Streaming information geometry of a training run: call ``observe(step:tensors:)`` with the live
/// parameter storage; it histograms each group on its run-wide grid in one pass, updates Γ and L of the
/// naive, debiased and Gaussian estimators, and returns one ``GeometryRecord`` per group.
///
/// Memory is O(groups × bins) however long the run: the monitor keeps the last snapshot's histograms (the
/// last 8 with ``GeometryConfiguration/diagnostics``), as binned and kernel-smoothed, the running sums, and at most
/// ``GeometryConfiguration/storedHistogramLimit`` stored histograms per group; records are returned, not
/// kept. With ``GeometryConfiguration/euclidean`` on (the default) it also keeps the previous snapshot's
/// values of every grouped tensor (``ParameterCopy``: O(N), 4 bytes per Float32 parameter, shared by all
/// groups containing the tensor) for the Euclidean comparator; with it off nothing of size N is kept.
/// With diagnostics on, values are binned at 4K bins and the K and K/4 histograms are sums of 4 and 16
/// adjacent fine bins (no second pass); the reporting resolution is K.
///
/// The work is split into chunks of 65 536 values of one tensor, binned concurrently
/// (`DispatchQueue.concurrentPerform`) into the per-chunk fixed-point tables of every group that contains
/// the tensor, one group after the other while the chunk is in cache. Integer table sums do not depend on
/// order, so results do not depend on timing or core count, and live and offline runs over the same
/// snapshots agree exactly. The Euclidean sums ‖Δθ‖² and ‖θ‖² are taken in the first group's pass over
/// each chunk, which also overwrites the previous copy; per-chunk sums are added in chunk order.
public final class GeometryMonitor {
  /// The configuration the monitor was built with.
  public let configuration: GeometryConfiguration
  /// Tensor names, in the order of `observe`'s buffers.
  public let tensorNames: [String]
  /// Element count of each tensor.
  public let elementCounts: [Int]
  /// Names of the resolved groups, in record order.
  public var groupNames: [String] { groups.map(\.name) }
  /// The latest record of each group (empty before the first observation).
  public private(set) var latestRecords: [GeometryRecord] = []

  var groups: [GeometryGroupState]
  /// Whether chunks are binned concurrently (the benchmark compares both).
  var concurrent = true
  private var scratch: [UInt64] = []
  private var parameterCopy: (any StoredParameterCopy)? = nil
  private var lastStep: Int? = nil
  private var observationCount = 0

  static let chunkSize = HistogramKernel.maximumChunk
  static let diagnosticFactors = [1, 4, 16]
  static let diagnosticStrides = [1, 2, 4, 8]

  /// A monitor for tensors named `tensorNames` with `elementCounts` values each (the order of every later
  /// `observe`). Throws when the counts do not match the names, a group matches nothing, a setting is out
  /// of range, or the grid policy is ``GridPolicy/globalRange`` (offline only, see ``GeometryAnalysis``).
  public convenience init(
    tensorNames: [String], elementCounts: [Int],
    configuration: GeometryConfiguration = GeometryConfiguration()
  ) throws(GeometryError) {
    if case .globalRange = configuration.gridPolicy {
      throw .invalidConfiguration(
        "grid global needs stored snapshots (use GeometryAnalysis); a live monitor cannot see them")
    }
    try self.init(
      tensorNames: tensorNames, elementCounts: elementCounts, configuration: configuration, groupRanges: nil)
  }

  init(
    tensorNames: [String], elementCounts: [Int], configuration: GeometryConfiguration,
    groupRanges: [String: ClosedRange<Double>]?
  ) throws(GeometryError) {
    guard tensorNames.count == elementCounts.count else {
      throw .layoutMismatch("\(tensorNames.count) tensor names but \(elementCounts.count) element counts")
    }
    if let bad = elementCounts.firstIndex(where: { $0 < 0 }) {
      throw .layoutMismatch("tensor \(tensorNames[bad]) has a negative element count \(elementCounts[bad])")
    }
    guard configuration.stride >= 1, configuration.debiasWindow >= 1, configuration.storedHistogramLimit >= 0
    else {
      throw .invalidConfiguration("stride and window must be ≥ 1 and the histogram limit ≥ 0")
    }
    if let k = configuration.binCount, !(4...GeometryConfiguration.maximumBinCount).contains(k) {
      throw .invalidConfiguration("bins: expected 4 … \(GeometryConfiguration.maximumBinCount), got \(k)")
    }
    if case .fixed(let lo, let hi) = configuration.gridPolicy, !(lo < hi && lo.isFinite && hi.isFinite) {
      throw .invalidConfiguration("grid fixed: expected finite lower < upper, got [\(lo), \(hi)]")
    }
    self.configuration = configuration
    self.tensorNames = tensorNames
    self.elementCounts = elementCounts
    var resolved: [GeometryGroupState] = []
    for spec in configuration.groups {
      for (name, tensors) in try spec.resolve(against: tensorNames) {
        let n = tensors.reduce(0) { $0 + elementCounts[$1] }
        guard n > 0 else { throw .emptyGroup("\(name): its tensors hold no values") }
        resolved.append(
          GeometryGroupState(
            name: name, tensors: tensors, elementCount: n,
            binCount: configuration.binCount ?? HistogramGrid.defaultBinCount(parameterCount: n),
            configuration: configuration, range: groupRanges?[name]))
      }
    }
    groups = resolved
  }

  /// Whether ``observe(step:tensors:)`` at `step` would take a snapshot: at the first call, then whenever at
  /// least `stride` steps have passed since the last snapshot.
  public func shouldObserve(step: Int) -> Bool {
    guard let last = lastStep else { return true }
    return step - last >= configuration.stride
  }

  /// Takes a snapshot of Float32 parameters if ``shouldObserve(step:)``; the buffers (same order and sizes
  /// as declared) are read only during the call. Returns one record per group, or none when skipped.
  @discardableResult
  public func observe(step: Int, tensors: [UnsafeBufferPointer<Float>]) throws(GeometryError)
    -> [GeometryRecord]
  {
    try observeValues(step: step, tensors: tensors)
  }

  /// The generic entry of the offline analysis.
  func observe<Scalar: HistogramScalar>(
    step: Int, buffers: [UnsafeBufferPointer<Scalar>]
  ) throws(GeometryError) -> [GeometryRecord] {
    try observeValues(step: step, tensors: buffers)
  }

  /// Takes a snapshot of Float64 parameters; see the Float32 form.
  @discardableResult
  public func observe(step: Int, tensors: [UnsafeBufferPointer<Double>]) throws(GeometryError)
    -> [GeometryRecord]
  {
    try observeValues(step: step, tensors: tensors)
  }

  /// Whole histograms of `group` kept at log-spaced steps (empty for an unknown group).
  public func storedHistograms(group: String) -> [StoredHistogram] {
    groups.first { $0.name == group }?.archive.entries ?? []
  }

  /// L at K/4, K and 4K bins (`nil` without diagnostics or for an unknown group).
  public func resolutionCurve(group: String) -> SensitivityCurve? {
    guard configuration.diagnostics, let g = groups.first(where: { $0.name == group }) else { return nil }
    let order = [2, 1, 0]
    return SensitivityCurve(
      group: group, settings: order.map { g.levelBinCounts[$0] },
      naiveLengths: order.map { g.levelNaive[$0].length },
      debiasedLengths: order.map { g.levelDebiased[$0].length },
      kernelLengths: order.map { g.levelKernel[$0].length },
      lastSteps: order.map { _ in g.strideLastSteps[0] })
  }

  /// L at strides of 1, 2, 4 and 8 observations (settings in optimizer steps; `nil` without diagnostics or
  /// for an unknown group).
  public func strideCurve(group: String) -> SensitivityCurve? {
    guard configuration.diagnostics, let g = groups.first(where: { $0.name == group }) else { return nil }
    return SensitivityCurve(
      group: group, settings: Self.diagnosticStrides.map { $0 * configuration.stride },
      naiveLengths: g.strideNaive.map(\.length), debiasedLengths: g.strideDebiased.map(\.length),
      kernelLengths: g.strideKernel.map(\.length),
      lastSteps: g.strideLastSteps)
  }

  /// Current warnings of all groups: out-of-grid mass above 1%, naive vs debiased L apart by more than 20%
  /// of the debiased L, and (with diagnostics) L of the histogram estimator in use (naive for
  /// ``GeometryEstimator/naive``, kernel for ``GeometryEstimator/kernel``, else debiased) at K/4 vs 4K bins apart by more than 20% of L at K.
  public var warnings: [GeometryWarning] {
    var list: [GeometryWarning] = []
    for g in groups {
      if g.largestOutside.mass > GeometryWarning.outsideMassThreshold {
        list.append(.massOutsideGrid(group: g.name, step: g.largestOutside.step, mass: g.largestOutside.mass))
      }
      let naive = g.levelNaive[g.mainLevel].length
      let debiased = g.levelDebiased[g.mainLevel].length
      if GeometryWarning.differ(naive, debiased, reference: debiased) {
        list.append(.estimatorsDisagree(group: g.name, naive: naive, debiased: debiased))
      }
      if configuration.diagnostics {
        let paths =
          switch configuration.estimator {
          case .naive: g.levelNaive.map(\.length)
          case .kernel: g.levelKernel.map(\.length)
          case .debiased, .gaussian: g.levelDebiased.map(\.length)
          }
        if GeometryWarning.differ(paths[2], paths[0], reference: paths[1]) {
          list.append(.resolutionSensitive(group: g.name, coarse: paths[2], fine: paths[0]))
        }
      }
    }
    return list
  }

  // MARK: - Observation

  private func observeValues<Scalar: HistogramScalar>(
    step: Int, tensors: [UnsafeBufferPointer<Scalar>]
  ) throws(GeometryError) -> [GeometryRecord] {
    guard tensors.count == elementCounts.count else {
      throw .layoutMismatch(
        "observe got \(tensors.count) tensors, the monitor was built for \(elementCounts.count)")
    }
    for (i, t) in tensors.enumerated() where t.count != elementCounts[i] {
      throw .layoutMismatch("tensor \(tensorNames[i]) has \(t.count) values, declared \(elementCounts[i])")
    }
    guard shouldObserve(step: step) else { return [] }
    if lastStep == nil { chooseGrids(tensors) }
    var pending = Array(groups.indices)
    var results: [Int: (SplitHistogram, SampleMoments)] = [:]
    var displacements: [DisplacementSums]? = nil
    let copy = configuration.euclidean ? parameterCopy(of: Scalar.self) : nil
    let hadPrevious = copy?.isFilled ?? false
    // A lattice group whose values reached beyond its grid is regrown and binned again (rare: the lattice
    // grows with headroom); bounded grids keep their under/overflow. Only the first pass (over every
    // group) takes the Euclidean sums and updates the copy.
    for pass in 0..<4 where !pending.isEmpty {
      let binned = bin(groupIndices: pending, tensors: tensors, copy: pass == 0 ? copy : nil)
      if pass == 0 { displacements = binned.displacements }
      var regrow: [Int] = []
      for (g, result) in zip(pending, binned.histograms) {
        results[g] = result
        if groups[g].isLattice, result.0.underflowMass + result.0.overflowMass > 0,
          groups[g].grow(toCover: result.1)
        {
          regrow.append(g)
        }
      }
      pending = regrow
    }
    let interval = lastStep.map { step - $0 } ?? 0
    // Groups advance independently (each touches only its own state and record slot), concurrently when
    // there are several: their histogram steps, smoothing and diagnostics are O(bins) but add up.
    let observation = observationCount
    let configuration = configuration
    var slots = [GeometryRecord?](repeating: nil, count: groups.count)
    groups.withUnsafeMutableBufferPointer { states in
      slots.withUnsafeMutableBufferPointer { out in
        nonisolated(unsafe) let states = states
        nonisolated(unsafe) let out = out
        nonisolated(unsafe) let results = results
        nonisolated(unsafe) let displacements = displacements
        nonisolated(unsafe) let advance: (Int) -> Void = { g in
          guard let (histogram, moments) = results[g] else { return }
          out[g] = states[g].advance(
            step: step, interval: interval, histogram: histogram, moments: moments,
            displacement: hadPrevious ? displacements?[g] : nil, observation: observation,
            configuration: configuration)
        }
        if concurrent && states.count > 1 {
          DispatchQueue.concurrentPerform(iterations: states.count) { advance($0) }
        } else {
          for g in states.indices { advance(g) }
        }
      }
    }
    let records = slots.compactMap { $0 }
    lastStep = step
    observationCount += 1
    latestRecords = records
    return records
  }

  /// The previous-snapshot copy in precision `Scalar`, allocated (unfilled) at the first call and converted
  /// if the run switched precision.
  private func parameterCopy<Scalar: HistogramScalar>(of type: Scalar.Type) -> ParameterCopy<Scalar> {
    if let c = parameterCopy as? ParameterCopy<Scalar> { return c }
    let c =
      parameterCopy?.converted(to: Scalar.self)
      ?? ParameterCopy<Scalar>(elementCounts: elementCounts, grouped: Set(groups.flatMap(\.tensors)))
    parameterCopy = c
    return c
  }

  /// Sets each group's fine grid from the first snapshot (min/max pass for the data-driven policies).
  private func chooseGrids<Scalar: HistogramScalar>(_ tensors: [UnsafeBufferPointer<Scalar>]) {
    for g in groups.indices {
      var lo = Double.infinity
      var hi = -Double.infinity
      for t in groups[g].tensors {
        for x in tensors[t] where x.isFinite {
          let v = Double(x)
          if v < lo { lo = v }
          if v > hi { hi = v }
        }
      }
      groups[g].chooseGrid(minimum: lo, maximum: hi, policy: configuration.gridPolicy)
    }
  }

  /// The work on a chunk of one tensor: binning it into the table of every group that contains it, one
  /// group after the other while the chunk is in cache (the "all" group and the tensor's own, in the run
  /// defaults).
  private struct WorkItem {
    let tensor: Int
    let range: Range<Int>
    /// Per group: its position in the pass's group list, its table's offset in the scratch, and the slot
    /// of its ``ChunkSummary``.
    let targets: [(position: Int, tableOffset: Int, result: Int)]
    /// Slot of this chunk's Euclidean sums, taken in the first group's pass (nil when not kept).
    let displacementSlot: Int?
  }

  /// One pass over the values of the given groups, chunk by chunk (binned concurrently), with per-chunk
  /// tables summed in a fixed order. With a `copy`, the first group's pass over each chunk also takes the
  /// Euclidean sums (added per group: tensors in group order, chunks in order) and updates the copy.
  private func bin<Scalar: HistogramScalar>(
    groupIndices: [Int], tensors: [UnsafeBufferPointer<Scalar>], copy: ParameterCopy<Scalar>?
  ) -> (histograms: [(SplitHistogram, SampleMoments)], displacements: [DisplacementSums]?) {
    let kernels = groupIndices.map { HistogramKernel(grid: groups[$0].fineGrid, scheme: configuration.binning) }
    let tableLengths = groupIndices.map { HistogramKernel.tableLength(binCount: groups[$0].fineGrid.binCount) }
    var containing: [Int: [Int]] = [:]
    for (position, g) in groupIndices.enumerated() {
      for t in groups[g].tensors { containing[t, default: []].append(position) }
    }
    var items: [WorkItem] = []
    var firstSlot: [Int: Int] = [:]
    var slotCount = 0
    var offset = 0
    var resultCount = 0
    for t in containing.keys.sorted() {
      if copy != nil { firstSlot[t] = slotCount }
      var start = 0
      while start < elementCounts[t] {
        let end = min(start + Self.chunkSize, elementCounts[t])
        let targets = containing[t]!.map { p in
          defer {
            offset += 2 * tableLengths[p]
            resultCount += 1
          }
          return (position: p, tableOffset: offset, result: resultCount)
        }
        items.append(
          WorkItem(
            tensor: t, range: start..<end, targets: targets, displacementSlot: copy != nil ? slotCount : nil))
        if copy != nil { slotCount += 1 }
        start = end
      }
    }
    if scratch.count < offset { scratch = [UInt64](repeating: 0, count: offset) }
    var itemResults = [ChunkSummary](repeating: ChunkSummary(), count: resultCount)
    var chunkSums = [DisplacementSums](repeating: DisplacementSums(), count: slotCount)
    var copyValues = copy?.values ?? []
    copy?.values = []
    let hasPrevious = copy?.isFilled ?? false
    let copyOffsets = copy?.offsets ?? []
    let split = HalfSplit(seed: configuration.splitSeed)
    let totalValues = items.reduce(0) { $0 + $1.range.count }
    withUnsafeMutableBuffers(&scratch, &itemResults, &chunkSums, &copyValues) {
      table, out, sums, previous in
      // Each item writes only its own table slices and result slot, and only a chunk's first item writes
      // its sums slot and its part of the copy, so concurrent items never race.
      nonisolated(unsafe) let table = table
      nonisolated(unsafe) let out = out
      nonisolated(unsafe) let sums = sums
      nonisolated(unsafe) let previous = previous
      nonisolated(unsafe) let tensors = tensors
      nonisolated(unsafe) let work: (Int) -> Void = { i in
        let item = items[i]
        for (j, t) in item.targets.enumerated() {
          let a = table.baseAddress! + t.tableOffset
          let length = tableLengths[t.position]
          a.initialize(repeating: 0, count: 2 * length)
          let copy =
            j == 0
            ? item.displacementSlot.flatMap { _ in copyOffsets[item.tensor] }.map {
              ChunkCopy(previous: previous.baseAddress! + $0, hasPrevious: hasPrevious)
            } : nil
          out[t.result] = Scalar.binChunk(
            tensors[item.tensor], range: item.range, salt: split.salt(tensor: item.tensor),
            target: ChunkTarget(kernel: kernels[t.position], tableA: a, tableB: a + length), copy: copy)
          if j == 0, let slot = item.displacementSlot { sums[slot] = out[t.result].displacement }
        }
      }
      if concurrent && totalValues >= 2 * Self.chunkSize {
        DispatchQueue.concurrentPerform(iterations: items.count) { work($0) }
      } else {
        for i in items.indices { work(i) }
      }
    }
    var moments = kernels.map { SampleMoments(centre: $0.centre) }
    var sums = groupIndices.indices.map { p in
      HistogramTableSums(grid: groups[groupIndices[p]].fineGrid, unit: kernels[p].unit)
    }
    scratch.withUnsafeBufferPointer { table in
      for item in items {
        for t in item.targets {
          let result = itemResults[t.result]
          moments[t.position].merge(result.moments(centre: kernels[t.position].centre))
          sums[t.position].add(
            tables: table.baseAddress! + t.tableOffset, countA: result.countA, countB: result.countB)
        }
      }
    }
    let histograms = sums.map(\.histogram)
    copy?.values = copyValues
    copy?.isFilled = true
    let displacements = copy.map { _ in
      groupIndices.map { g in
        var total = DisplacementSums()
        for t in groups[g].tensors {
          let chunks = (elementCounts[t] + Self.chunkSize - 1) / Self.chunkSize
          for c in 0..<chunks { total.add(chunkSums[firstSlot[t]! + c]) }
        }
        return total
      }
    }
    return (Array(zip(histograms, moments)), displacements)
  }

  /// Calls `body` with mutable buffers over four arrays at once.
  private func withUnsafeMutableBuffers<A, B, C, D>(
    _ a: inout [A], _ b: inout [B], _ c: inout [C], _ d: inout [D],
    _ body: (
      UnsafeMutableBufferPointer<A>, UnsafeMutableBufferPointer<B>, UnsafeMutableBufferPointer<C>,
      UnsafeMutableBufferPointer<D>
    ) -> Void
  ) {
    a.withUnsafeMutableBufferPointer { a in
      b.withUnsafeMutableBufferPointer { b in
        c.withUnsafeMutableBufferPointer { c in
          d.withUnsafeMutableBufferPointer { d in body(a, b, c, d) }
        }
      }
    }
  }
}
