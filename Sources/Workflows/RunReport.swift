import Formats
import Foundation
import InfoGeometry
import Reporting

/// Builds report.html and figures/*.svg from a run directory and its analysis.
public enum RunReport {
  /// The figures of the report, by file name (without `.svg`), in report order.
  public struct Figures {
    public var items: [(name: String, caption: String, figure: Figure)] = []
    mutating func add(_ name: String, _ caption: String, _ figure: Figure) {
      items.append((name, caption, figure))
    }
  }

  public static func write(_ run: RunDirectory, analysis: RunAnalysis) throws {
    let configuration = try JSON.decode(RunConfiguration.self, from: run.config)
    let metrics = try MetricsLog.readIfPresent(run.metrics)
    let geometry = try GeometrySeries.read(run.geometry)
    let manager = FileManager.default
    let histograms =
      manager.fileExists(atPath: run.histograms.path) ? try HistogramArchiveFile.read(run.histograms) : []
    let diagnostics =
      manager.fileExists(atPath: run.diagnostics.path)
      ? try JSON.decode(GeometryDiagnosticsFile.self, from: run.diagnostics) : nil
    let figures = makeFigures(
      configuration: configuration, metrics: metrics, geometry: geometry, histograms: histograms,
      diagnostics: diagnostics, analysis: analysis)
    try manager.createDirectory(at: run.figures, withIntermediateDirectories: true)
    var rendered: [String: String] = [:]
    for item in figures.items {
      let svg = SVGRenderer.render(item.figure)
      rendered[item.name] = svg
      try AtomicFile.write(Data(svg.utf8), to: run.figures.appendingPathComponent(item.name + ".svg"))
    }
    let html = page(
      configuration: configuration, metrics: metrics, geometry: geometry, diagnostics: diagnostics,
      analysis: analysis, figures: figures, rendered: rendered, runName: run.url.lastPathComponent)
    try AtomicFile.write(Data(html.utf8), to: run.report)
  }

  // MARK: - Figures

  static let referenceColors: [OverfittingReferences.Kind: RGBColor] = [
    .testLossMinimum: RGBColor(hex: 0xD55E00), .testAccuracyMaximum: RGBColor(hex: 0xCC79A7),
    .trainAccuracySaturation: RGBColor(hex: 0x009E73), .trainLossSaturation: RGBColor(hex: 0x56B4E9),
    .trainTestGapOnset: RGBColor(hex: 0xE69F00),
  ]

  /// Vertical markers for the reference points, and for t_c when there is a marker.
  static func markers(_ analysis: RunAnalysis, includeMarker: Bool = true) -> [VerticalMarker] {
    var result: [VerticalMarker] = []
    if includeMarker, let m = analysis.primary?.analysis?.marker {
      result.append(VerticalMarker(x: m.step, label: "t_c", color: RGBColor(hex: 0x000000), dashed: false))
    }
    for p in analysis.references?.points ?? [] {
      result.append(VerticalMarker(x: p.step, label: RunSummary.name(p.kind), color: referenceColors[p.kind]))
    }
    return result
  }

  /// At most `limit` points, evenly spaced in log t (all points when there are fewer).
  static func thinned(_ steps: [Int], _ values: [Double], limit: Int = 600) -> (x: [Double], y: [Double]) {
    let pairs = zip(steps, values).filter { $0.0 >= 1 }
    guard pairs.count > limit, let last = pairs.last?.0 else {
      return (pairs.map { Double($0.0) }, pairs.map(\.1))
    }
    var x: [Double] = []
    var y: [Double] = []
    var next = 0.0
    let step = log(Double(last)) / Double(limit)
    for (t, v) in pairs where log(Double(t)) >= next || t == last {
      x.append(Double(t))
      y.append(v)
      next = log(Double(t)) + step
    }
    return (x, y)
  }

  public static func makeFigures(
    configuration: RunConfiguration, metrics: [EvaluationMetrics], geometry: GeometrySeries,
    histograms: [StoredHistogram], diagnostics: GeometryDiagnosticsFile?, analysis: RunAnalysis
  ) -> Figures {
    var figures = Figures()
    let stepAxis = Axis("optimizer step t", scale: .log10)
    let refs = markers(analysis)

    figures.add(
      "information-length",
      "Information length L(t) of each parameter group (\(analysis.settings.headlineEstimator.label) estimator), log–log.",
      Figure(
        title: "Information length L(t)", xAxis: stepAxis,
        yAxis: Axis("L (distinguishable states)", scale: .log10),
        series: geometry.groups.map { g in
          let (x, y) = thinned(g.steps, g.lengths[analysis.settings.headlineEstimator] ?? [])
          return PlotSeries(g.name, x: x, y: y)
        }, markers: refs, legend: .outsideRight))

    figures.add(
      "information-velocity", "Information velocity Γ(t) per optimizer step, each group.",
      Figure(
        title: "Information velocity Γ(t)", xAxis: stepAxis, yAxis: Axis("Γ (1/step)", scale: .log10),
        series: geometry.groups.map { g in
          let (x, y) = thinned(g.steps, g.velocities[analysis.settings.headlineEstimator] ?? [])
          return PlotSeries(g.name, x: x, y: y)
        }, legend: .outsideRight))

    if let primary = analysis.primary?.analysis {
      let t = primary.derivative.x.map { exp($0) }
      var bands: [ShadedBand] = []
      if let m = primary.marker {
        let steps = [m.step] + m.stability.variants.compactMap(\.step)
        if let lo = steps.min(), let hi = steps.max(), hi > lo {
          bands.append(ShadedBand("t_c stability range", region: .xRange(lower: lo, upper: hi)))
        }
        let half = m.minimum.widthDecades / 2
        bands.append(
          ShadedBand(
            "dip width", region: .xRange(lower: m.step / pow(10, half), upper: m.step * pow(10, half)),
            color: RGBColor(hex: 0x999999), opacity: 0.12))
      }
      figures.add(
        "slope", "Local exponent d log L / d log t (regularized, \(primary.derivative.method.rawValue)).",
        Figure(
          title: "d log L / d log t", xAxis: stepAxis, yAxis: Axis("β(t)"),
          series: [PlotSeries("d log L/d log t", x: t, y: primary.derivative.firstDerivative)], bands: bands,
          markers: refs, legend: .hidden))
      figures.add(
        "curvature",
        "d² log L / d(log t)² with the transition marker t_c (its stability range and dip width shaded) and the reference points from the training metrics.",
        Figure(
          title: "d² log L / d(log t)²", xAxis: stepAxis, yAxis: Axis("d²log L/d(log t)²"),
          series: [PlotSeries("d²log L/d(log t)²", x: t, y: primary.derivative.secondDerivative)],
          bands: bands,
          markers: refs, legend: .hidden))
    }

    if let heatmap = distributionHeatmap(histograms, group: analysis.settings.primaryGroup) {
      figures.add(
        "distribution",
        "Distribution of the parameter values of group '\(analysis.settings.primaryGroup)' over log t (stored histograms).",
        Figure(
          title: "Parameter distribution (\(analysis.settings.primaryGroup))", xAxis: stepAxis,
          yAxis: Axis("parameter value"), heatmap: heatmap, legend: .hidden))
    }

    if let g = geometry.group(analysis.settings.primaryGroup) {
      let estimators = [GeometrySeries.Estimator.naive, .debiased, .kernel, .gaussian].filter {
        g.lengths[$0] != nil
      }
      figures.add(
        "estimators",
        "L of group '\(g.name)' from each estimator: naive histogram (the paper's recipe), debiased split-half on kernel-smoothed halves, kernel density (smoothed, not debiased), Gaussian (moments only).",
        Figure(
          title: "Estimators of L (\(g.name))", xAxis: stepAxis, yAxis: Axis("L", scale: .log10),
          series: estimators.map { e in
            let (x, y) = thinned(g.steps, g.lengths[e] ?? [])
            return PlotSeries(e.label, x: x, y: y)
          }, markers: refs))
    }

    if let d = diagnostics {
      let group = analysis.settings.primaryGroup
      for (name, caption, title, axis, curves) in [
        (
          "resolution",
          "Final L against the bin count K (K/4, K, 4K from one pass): flat means L does not depend on K.",
          "Resolution curve", "bins K", d.resolution
        ),
        (
          "stride",
          "Final L against the sampling stride: the naive L of a jagged path grows at finer strides.",
          "Stride curve", "stride (steps)", d.stride
        ),
      ] {
        guard let curve = curves.first(where: { $0.group == group }) else { continue }
        let x = curve.settings.map { Double($0) }
        figures.add(
          name, caption,
          Figure(
            title: "\(title) (\(curve.group))", xAxis: Axis(axis, scale: .log10),
            yAxis: Axis("L", scale: .log10),
            series: [
              PlotSeries("naive", x: x, y: curve.naiveLengths, style: .lineAndMarkers),
              PlotSeries("debiased", x: x, y: curve.debiasedLengths, style: .lineAndMarkers),
            ]
              + (curve.kernelLengths.map { [PlotSeries("kernel", x: x, y: $0, style: .lineAndMarkers)] } ?? [])
          ))
      }
    }
    if metrics.contains(where: { $0.step >= 1 }) {
      let curves = analysis.curves.filter { $0.group == analysis.settings.primaryGroup && $0.analysis != nil }
      if curves.count > 1 {
        for (name, title, pick) in [
          ("comparators-slope", "d log / d log t", { (d: RegularizedDerivative) in d.firstDerivative }),
          (
            "comparators-curvature", "d² log / d(log t)²",
            { (d: RegularizedDerivative) in d.secondDerivative }
          ),
        ] as [(String, String, (RegularizedDerivative) -> [Double])] {
          figures.add(
            name,
            "\(title) of L from each estimator and of the Euclidean path S = Σ‖Δθ‖ (group '\(analysis.settings.primaryGroup)'), with the reference points.",
            Figure(
              title: "\(title): L and its comparators", xAxis: stepAxis, yAxis: Axis(title),
              series: curves.map { c in
                let d = c.analysis!.derivative
                return PlotSeries(
                  c.estimator.label, x: d.x.map { exp($0) }, y: pick(d), dashed: c.estimator == .euclidean)
              }, markers: markers(analysis, includeMarker: false)))
        }
      }

      let m = metrics.filter { $0.step >= 1 }
      let steps = m.map { Double($0.step) }
      var lossSeries = [
        PlotSeries("train loss", x: steps, y: m.map(\.trainLoss)),
        PlotSeries("test loss", x: steps, y: m.map(\.testLoss)),
      ]
      var accuracySeries = [
        PlotSeries("train accuracy", x: steps, y: m.map(\.trainAccuracy)),
        PlotSeries("test accuracy", x: steps, y: m.map(\.testAccuracy)),
      ]
      if m.contains(where: { $0.validationLoss != nil }) {
        lossSeries.append(
          PlotSeries("validation loss", x: steps, y: m.map { $0.validationLoss ?? .nan }, dashed: true))
        accuracySeries.append(
          PlotSeries(
            "validation accuracy", x: steps, y: m.map { $0.validationAccuracy ?? .nan }, dashed: true))
      }
      figures.add(
        "loss", "Cross-entropy on the full training subset and the full test set.",
        Figure(
          title: "Loss", xAxis: stepAxis, yAxis: Axis("cross-entropy", scale: .log10), series: lossSeries,
          markers: refs))
      figures.add(
        "accuracy", "Accuracy on the full training subset and the full test set.",
        Figure(
          title: "Accuracy", xAxis: stepAxis, yAxis: Axis("accuracy"), series: accuracySeries, markers: refs))
    }
    return figures
  }

  /// The stored histograms of `group` on one common value axis (bins of the finest width, aligned
  /// on the lattice), as densities per unit of parameter value.
  static func distributionHeatmap(_ histograms: [StoredHistogram], group: String) -> Heatmap? {
    let rows = histograms.filter {
      $0.group == group && $0.step >= 1 && $0.binWidth > 0 && !$0.masses.isEmpty
    }
    guard rows.count >= 2, let width = rows.map(\.binWidth).min() else { return nil }
    let lower = rows.map(\.lowerEdge).min()!
    let upper = rows.map { $0.lowerEdge + Double($0.masses.count) * $0.binWidth }.max()!
    let bins = max(1, min(400, Int(((upper - lower) / width).rounded())))
    let w = (upper - lower) / Double(bins)
    let edges = (0...bins).map { lower + Double($0) * w }
    let values = rows.map { h -> [Double] in
      var row = [Double](repeating: 0, count: bins)
      for (k, mass) in h.masses.enumerated() where mass > 0 {
        let centre = h.lowerEdge + (Double(k) + 0.5) * h.binWidth
        let j = min(bins - 1, max(0, Int((centre - lower) / w)))
        row[j] += mass / w
      }
      return row.map { $0 > 0 ? log10($0) : .nan }
    }
    return Heatmap(
      times: rows.map { Double($0.step) }, valueEdges: edges, values: values, label: "log₁₀ density")
  }

  // MARK: - Page

  static func format(_ x: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)g", x) }

  static func page(
    configuration c: RunConfiguration, metrics: [EvaluationMetrics], geometry: GeometrySeries,
    diagnostics: GeometryDiagnosticsFile?, analysis: RunAnalysis, figures: Figures,
    rendered: [String: String],
    runName: String
  ) -> String {
    let primary = analysis.primary
    let marker = primary?.analysis?.marker
    let best = metrics.filter { $0.step >= 1 }.max { $0.testAccuracy < $1.testAccuracy }
    let last = metrics.last
    var summary: [HTMLReport.SummaryItem] = [
      .init(
        "transition t_c",
        marker.map { "step \(Int($0.step.rounded()))" + ($0.isWeak ? " (weak)" : "") } ?? "none found")
    ]
    if let o = primary?.comparison?.offsets.first(where: { $0.kind == .testLossMinimum }) {
      summary.append(.init("Δ to test-loss minimum", String(format: "%+.2f decades", o.deltaDecades)))
    }
    if let best {
      summary.append(
        .init("best test accuracy", String(format: "%.2f%% (step %d)", 100 * best.testAccuracy, best.step)))
    }
    if let last {
      summary.append(
        .init("final test accuracy", String(format: "%.2f%% (step %d)", 100 * last.testAccuracy, last.step)))
    }

    var report = HTMLReport(
      title: c.checkpointSource.map {
        "Checkpoints \(($0 as NSString).lastPathComponent) — information geometry"
      }
        ?? "\(c.dataset.rawValue): \(c.model) — information geometry of training",
      subtitle:
        "Run \(runName). Parameters treated as samples of p(θ, t); Fisher–Rao motion measured at every \(c.geometry.stride == 1 ? "step" : "\(c.geometry.stride) steps").",
      summary: summary,
      footer:
        "infogeo \(c.infogeoVersion). Method: Thiruthummal, Kim & Shelyag, Neurocomputing 597 (2024) 128007.")

    let captions = Dictionary(uniqueKeysWithValues: figures.items.map { ($0.name, $0.caption) })
    func select(_ names: [String]) -> [ReportFigure] {
      names.compactMap { n in rendered[n].map { ReportFigure(svg: $0, caption: captions[n]) } }
    }
    let warnings = diagnostics?.warnings ?? []

    report.section("Transition") { s in
      s.paragraph(
        "The marker is the most pronounced minimum of d²log L/d(log t)² after the burn-in, found from the parameters alone. "
          + "Reference points come from the training metrics and are shown for comparison only; Δ = log₁₀(t_c/t_ref) in decades."
      )
      s.paragraph(
        "Headline curve: group \(analysis.settings.primaryGroup), \(analysis.settings.headlineEstimator.label) L. "
          + RunSummary.describe(primary))
      if let marker, marker.isWeak {
        s.warning(
          "The marker is weak (\(marker.weaknesses.map(\.rawValue).joined(separator: ", "))): it moves with the regularization or barely rises above the noise."
        )
      }
      if !warnings.isEmpty {
        s.table(
          Table(
            header: ["estimator warning"], rows: warnings.map { [$0] },
            caption: "Where L depends on the estimator or the bin count (see the checks below)"))
      }
      s.figures(select(["curvature", "slope"]))
      if let comparison = primary?.comparison {
        s.table(
          Table(
            header: ["reference point", "step", "Δ (decades)"],
            rows: comparison.offsets.map {
              [
                RunSummary.name($0.kind), "\(Int($0.referenceStep.rounded()))",
                String(format: "%+.2f", $0.deltaDecades),
              ]
            },
            caption: "Marker position relative to the reference points", numericColumns: [1, 2]))
      }
      s.table(markerTable(analysis))
    }
    report.section("Early stopping without a validation set") { s in
      s.paragraph(
        "The online detector sees only the past of L; it confirms a minimum of d²log L/d(log t)² once the curve has risen back. "
          + "Its stop is compared with Keras-style validation early stopping (when the run has a validation split), the best step in hindsight and the end of training."
      )
      s.table(
        Table(
          header: ["rule", "stop step", "evaluated at", "test accuracy", "test loss"],
          rows: analysis.stopping.map {
            [
              $0.rule, "\($0.step)", "\($0.evaluatedStep)", String(format: "%.2f%%", 100 * $0.testAccuracy),
              String(format: "%.4f", $0.testLoss),
            ]
          },
          numericColumns: [1, 2, 3, 4]))
    }
    report.section("Motion on the statistical manifold") { s in
      s.figures(select(["information-length", "information-velocity", "distribution"]))
    }
    report.section("Learning curves") { s in
      s.figures(select(["loss", "accuracy"]))
    }
    report.section("Does the geometry see more than the update size?") { s in
      s.paragraph(
        "The Euclidean path length S(t) = Σ‖θ_i − θ_{i−1}‖ measures only how far the parameters move, not how their distribution changes; the Gaussian L sees only the mean and spread. "
          + "Each goes through the same derivatives and marker detection as L.")
      if let statement = RunSummary.comparatorStatement(analysis) { s.paragraph(statement) }
      s.figures(select(["comparators-curvature", "comparators-slope"]))
    }
    report.section("Estimator and resolution checks") { s in
      s.paragraph(
        "A hard-binned histogram of a finite set of values registers every value that crosses a bin edge, so its L grows with the bin count K and with finer strides even when the distribution hardly changes. "
          + "The debiased estimator smooths each of two random halves of every group with a Gaussian kernel (Silverman's bandwidth, set by the group's size, not by K) and cancels the noise between the halves; the kernel L is the smoothed estimate without that cancellation. "
          + "Flat resolution and stride curves mean L is a property of the network, not of K."
      )
      s.figures(select(["estimators", "resolution", "stride"]))
    }
    report.section("Settings") { s in
      s.table(settingsTable(c, analysis: analysis, geometry: geometry))
    }
    return report.render()
  }

  static func markerTable(_ analysis: RunAnalysis) -> Table {
    let rows = analysis.curves.map { curve -> [String] in
      let name = [curve.group, curve.estimator.label]
      guard let a = curve.analysis else { return name + ["—", "—", "—", "—", curve.failure ?? ""] }
      guard let m = a.marker else { return name + ["none", "—", "—", "—", ""] }
      let delta =
        curve.comparison?.offsets.first { $0.kind == .testLossMinimum }.map {
          String(format: "%+.2f", $0.deltaDecades)
        } ?? "—"
      return name + [
        "\(Int(m.step.rounded()))", format(m.minimum.significance),
        String(format: "%.2f", m.stability.spreadDecades), delta,
        m.isWeak ? "weak" : "",
      ]
    }
    return Table(
      header: ["group", "estimator", "t_c", "significance", "spread (dec)", "Δ test-loss min", "note"],
      rows: rows,
      caption: "Markers of every group and estimator", numericColumns: [2, 3, 4, 5])
  }

  static func settingsTable(_ c: RunConfiguration, analysis: RunAnalysis, geometry: GeometrySeries) -> Table {
    let d = analysis.primary?.analysis?.derivative
    if let source = c.checkpointSource {
      return Table(
        header: ["setting", "value"],
        rows: [
          ["checkpoints", source],
          [
            "estimator",
            "\(c.geometry.estimator.rawValue), \(c.geometry.binning.rawValue) binning, grid \(c.geometry.gridPolicy), K \(c.geometry.binCount.map(String.init) ?? "auto"), kernel bandwidth \(c.geometry.bandwidthFactor == 0 ? "off" : "\(c.geometry.bandwidthFactor) × Silverman's rule")",
          ],
          ["groups", geometry.groups.map(\.name).joined(separator: ", ")],
        ], caption: "Analysed from checkpoints: no training metrics, so no reference points")
    }
    let rows: [[String]] = [
      [
        "dataset",
        "\(c.dataset.rawValue), \(c.trainingSamples.map { "\($0)-image stratified subset" } ?? "full training set")",
      ],
      ["model", "\(c.model) (\(c.model.activation.rawValue), init \(c.model.initializer.rawValue))"],
      [
        "optimizer",
        "\(c.optimizer.name.rawValue), lr \(c.optimizer.learningRate), schedule \(c.optimizer.schedule.rawValue), weight decay \(c.optimizer.weightDecay)",
      ],
      [
        "training",
        "batch \(c.training.batchSize), \(c.training.epochs) epochs, seed \(c.training.seed), evaluation \(c.training.evaluation.text)",
      ],
      [
        "estimator",
        "\(c.geometry.estimator.rawValue), \(c.geometry.binning.rawValue) binning, grid \(c.geometry.gridPolicy), K \(c.geometry.binCount.map(String.init) ?? "auto"), kernel bandwidth \(c.geometry.bandwidthFactor == 0 ? "off" : "\(c.geometry.bandwidthFactor) × Silverman's rule")",
      ],
      ["stride", "\(c.geometry.stride) step(s); debias window \(c.geometry.debiasWindow)"],
      ["groups", geometry.groups.map(\.name).joined(separator: ", ")],
      [
        "differentiation",
        d.map {
          "\($0.method.rawValue), strength \(format($0.strength)) (\($0.strengthIsAutomatic ? "automatic" : "manual")), grid \(analysis.settings.transition.gridSize) points"
        } ?? "—",
      ],
    ]
    return Table(
      header: ["setting", "value"], rows: rows, caption: "Everything that shapes the numbers above")
  }
}
