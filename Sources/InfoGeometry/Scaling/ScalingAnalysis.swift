import Foundation

/// The finite-size-scaling analysis of a size sweep: per-size means of the transition markers,
/// the scaling laws h ∝ N^a, w ∝ N^(−b), log t_c(N) = log t_c(∞) + c·N^(−1/ν), and the data
/// collapse of the y″ curves.
///
/// ```
/// let analysis = try ScalingAnalysis(observations, options: .init(sizeVariable: .parameterCount))
/// analysis.table            // exponent rows with errors and S
/// analysis.sizes            // t_c(N), h(N), w(N) with intervals
/// analysis.collapse?.scaledCurves  // for plotting
/// ```
/// Parts that the data cannot support (fewer than two sizes, three for the t_c form; curves that
/// do not overlap) are nil and say why in `notes`. Deterministic: the bootstrap uses
/// `options.bootstrapSeed`.
public struct ScalingAnalysis: Codable, Sendable, Equatable {
  /// One row of the exponent table.
  public struct Row: Codable, Sendable, Equatable {
    /// The symbol, e.g. "a" or "ν (collapse)".
    public var name: String
    /// The scaling form it belongs to, e.g. "h ∝ N^a".
    public var form: String
    /// The value with its errors.
    public var estimate: ScalingEstimate
    /// The fit's quality: χ²/(n − 2) of the power laws, χ² of the t_c form, S of the collapse.
    public var quality: Double?
  }

  /// The options used.
  public var options: ScalingOptions
  /// Per-size means over seeds, by increasing size.
  public var sizes: [ScalingSizeSummary]
  /// h(N) = A·N^a (`exponent` is a).
  public var depthLaw: PowerLawFit?
  /// w(N) = B·N^p with p = −b (`exponent` is p; the table lists b).
  public var widthLaw: PowerLawFit?
  /// log t_c(N) = log t_c(∞) + c·N^(−1/ν).
  public var markerShift: MarkerShiftFit?
  /// The collapse of the per-size mean y″ curves.
  public var collapse: DataCollapse?
  /// The exponents for the report.
  public var table: [Row]
  /// Why a part is missing.
  public var notes: [String]

  /// Runs the analysis.
  /// - Throws: `ScalingError` for invalid observations or options.
  public init(_ observations: [ScalingObservation], options: ScalingOptions = .init()) throws(ScalingError) {
    try options.validate()
    guard !observations.isEmpty else { throw .noObservations }
    for o in observations { try o.validate(size: o.size(options.sizeVariable)) }
    let base = options.logBase
    let groups = Dictionary(grouping: observations) { $0.size(options.sizeVariable) }
      .sorted { $0.key < $1.key }
      .map { (size: $0.key, runs: $0.value.sorted { $0.seed < $1.seed }) }
    let sizeValues = groups.map(\.size)
    self.options = options
    var notes: [String] = []

    // Per-seed values by size, and the bootstrap resamples: indices of seeds drawn with
    // replacement within each size, shared by every part so that the parts agree replicate by
    // replicate.
    let logs = groups.map { $0.runs.map { base.log($0.markerStep) } }
    let depths = groups.map { $0.runs.map(\.depth) }
    let widths = groups.map { $0.runs.map(\.widthDecades) }
    var random = ScalingRandom(seed: options.bootstrapSeed)
    let resamples = (0..<options.bootstrapReplicates).map { _ in
      groups.map { random.resample(count: $0.runs.count) }
    }
    func means(_ v: [[Double]], _ pick: [[Int]]?) -> [Double] {
      v.indices.map { k in
        let chosen = pick.map { $0[k].map { v[k][$0] } } ?? v[k]
        return chosen.reduce(0, +) / Double(chosen.count)
      }
    }
    let replicateMeans = { (v: [[Double]]) in resamples.map { means(v, $0) } }
    let logReplicates = replicateMeans(logs)
    let depthReplicates = replicateMeans(depths)
    let widthReplicates = replicateMeans(widths)

    sizes = groups.indices.map { k in
      func estimate(_ v: [[Double]], _ replicates: [[Double]]) -> ScalingEstimate {
        let (mean, error) = ScalingSizeSummary.meanAndError(v[k])
        return ScalingEstimate(
          value: mean, standardError: error, replicates: v[k].count >= 2 ? replicates.map { $0[k] } : [])
      }
      let logMarker = estimate(logs, logReplicates)
      let step = base.power(logMarker.value)
      let stepEstimate = ScalingEstimate(
        value: step, standardError: logMarker.standardError.map { step * base.naturalLogOfBase * $0 },
        replicates: groups[k].runs.count >= 2 ? logReplicates.map { base.power($0[k]) } : [])
      return ScalingSizeSummary(
        size: groups[k].size, seeds: groups[k].runs.map(\.seed), logMarker: logMarker,
        markerStep: stepEstimate,
        depth: estimate(depths, depthReplicates), widthDecades: estimate(widths, widthReplicates))
    }

    // Weights 1/σ² of the per-size means (σ relative for the logs of h and w); nil when any size
    // has no error.
    func weights(_ v: [[Double]], relative: Bool) -> [Double]? {
      var w: [Double] = []
      for values in v {
        let (mean, error) = ScalingSizeSummary.meanAndError(values)
        guard let error, error > 0 else { return nil }
        let sigma = relative ? error / mean : error
        w.append(1 / (sigma * sigma))
      }
      return w
    }
    func powerLaw(_ v: [[Double]], _ replicates: [[Double]], _ name: String) -> PowerLawFit? {
      let w = weights(v, relative: true)
      guard let solution = PowerLawFit.solve(sizes: sizeValues, values: means(v, nil), weights: w) else {
        notes.append("\(name): needs at least two sizes, found \(groups.count)")
        return nil
      }
      let refits = replicates.compactMap { PowerLawFit.solve(sizes: sizeValues, values: $0, weights: w) }
      return PowerLawFit(solution, replicates: refits, isWeighted: w != nil)
    }
    let depthLaw = powerLaw(depths, depthReplicates, "h ∝ N^a")
    let widthLaw = powerLaw(widths, widthReplicates, "w ∝ N^(−b)")

    let logWeights = weights(logs, relative: false)
    var markerShift: MarkerShiftFit?
    if let solution = MarkerShiftFit.solve(
      sizes: sizeValues, logMarkers: means(logs, nil), weights: logWeights)
    {
      let refits = logReplicates.compactMap {
        MarkerShiftFit.solve(sizes: sizeValues, logMarkers: $0, weights: logWeights)
      }
      markerShift = MarkerShiftFit(solution, replicates: refits, isWeighted: logWeights != nil)
    } else {
      notes.append("log t_c(N) = log t_c(∞) + c·N^(−1/ν): needs at least three sizes, found \(groups.count)")
    }

    var collapse: DataCollapse?
    if groups.count < 2 {
      notes.append("data collapse: needs at least two sizes, found \(groups.count)")
    } else {
      do throws(ScalingError) {
        let centres = means(logs, nil)
        let averaged = try groups.indices.map { k throws(ScalingError) in
          try CollapseCurve.average(
            groups[k].runs, size: groups[k].size, gridSize: options.gridSize, centre: centres[k],
            halfWidth: options.collapseHalfWidth, poolingHalfWidth: options.spreadPoolingHalfWidth)
        }
        let curves = averaged.map(\.curve)
        // Bootstrap curves: means of resampled seeds on the same grid, with the errors of the full
        // data (a resample that repeats one seed would otherwise get a spread of zero).
        let replicates = resamples.prefix(options.collapseBootstrapReplicates).map { pick in
          averaged.indices.map { k in
            var c = curves[k]
            let rows = pick[k].map { averaged[k].seedValues[$0] }
            c.y = c.x.indices.map { j in rows.reduce(0) { $0 + $1[j] } / Double(rows.count) }
            return c
          }
        }
        let a = depthLaw?.exponent.value ?? 0
        let b = -(widthLaw?.exponent.value ?? -1)
        let start =
          options.collapseStart
          ?? CollapseParameters(
            criticalX: centres.reduce(0, +) / Double(centres.count),
            nu: b > 0
              ? min(max(1 / b, MarkerShiftFit.nuRange.lowerBound), MarkerShiftFit.nuRange.upperBound) : 1,
            zeta: a)
        collapse = DataCollapse.fit(
          curves, start: start, minimizer: options.minimizer, replicates: replicates)
        if collapse == nil {
          notes.append(
            "data collapse: no usable minimum of S (the curves hardly overlap, or S does not rise around it)")
        }
      } catch {
        notes.append("data collapse: \(error.description)")
      }
    }
    self.depthLaw = depthLaw
    self.widthLaw = widthLaw
    self.markerShift = markerShift
    self.collapse = collapse
    self.notes = notes
    table = Self.rows(depthLaw: depthLaw, widthLaw: widthLaw, markerShift: markerShift, collapse: collapse)
  }

  /// The table rows of the parts that exist.
  static func rows(
    depthLaw: PowerLawFit?, widthLaw: PowerLawFit?, markerShift: MarkerShiftFit?, collapse: DataCollapse?
  ) -> [Row] {
    var rows: [Row] = []
    if let f = depthLaw {
      rows.append(Row(name: "a", form: "h ∝ N^a", estimate: f.exponent, quality: f.reducedChiSquare))
    }
    if let f = widthLaw {
      rows.append(
        Row(name: "b", form: "w ∝ N^(−b)", estimate: f.exponent.negated, quality: f.reducedChiSquare))
    }
    if let f = markerShift {
      let form = "log t_c(N) = log t_c(∞) + c·N^(−1/ν)"
      rows.append(Row(name: "log t_c(∞)", form: form, estimate: f.logCriticalStep, quality: f.chiSquare))
      rows.append(Row(name: "c", form: form, estimate: f.amplitude, quality: f.chiSquare))
      rows.append(Row(name: "ν (t_c)", form: form, estimate: f.nu, quality: f.chiSquare))
    }
    if let c = collapse {
      let form = "y″·N^(−ζ) vs (x − x_c)·N^(1/ν)"
      rows.append(Row(name: "x_c", form: form, estimate: c.criticalX, quality: c.quality))
      rows.append(Row(name: "ν (collapse)", form: form, estimate: c.nu, quality: c.quality))
      rows.append(Row(name: "ζ", form: form, estimate: c.zeta, quality: c.quality))
    }
    return rows
  }
}
