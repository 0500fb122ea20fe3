import Formats
import Foundation
import InfoGeometry
import Reporting

/// scaling.html: the finite-size-scaling page of a sweep: the raw y″ curves by size, the
/// collapsed curves, the power laws of the marker on log-log axes with their fitted lines, and the
/// tables of exponents (with errors and the fit quality S or χ²) and of per-size markers.
public enum SweepScalingReport {
  public static let fileName = "scaling.html"

  /// Writes `sweep/scaling.html`.
  public static func write(_ scaling: SweepScaling, to sweep: URL) throws {
    try AtomicFile.write(
      Data(page(scaling, sweepName: sweep.lastPathComponent).utf8), to: sweep.appendingPathComponent(fileName)
    )
  }

  /// The figures, in page order.
  public static func figures(_ scaling: SweepScaling) -> [(caption: String, figure: Figure)] {
    let analysis = scaling.analysis
    let sizes = analysis.sizes.map(\.size)
    func color(_ size: Double) -> RGBColor { Palette.color(at: sizes.firstIndex(of: size) ?? 0) }
    func sizeName(_ size: Double) -> String { "N = \(Int(size.rounded()))" }
    let base = analysis.options.logBase
    var result: [(String, Figure)] = []

    var raw = Figure(
      title: "y″ of each run, by size", xAxis: Axis("optimizer step t", scale: .log10),
      yAxis: Axis("y″ = d² ln L / d(ln t)²"), legend: .outsideRight)
    var named: Set<Double> = []
    for entry in scaling.entries {
      let o = entry.observation
      let size = o.size(analysis.options.sizeVariable)
      raw.series.append(
        PlotSeries(
          named.insert(size).inserted ? sizeName(size) : "", x: o.curve.x.map { base.power($0) },
          y: o.curve.y,
          color: color(size), lineWidth: 1.2))
    }
    raw.markers = analysis.sizes.map {
      VerticalMarker(x: $0.markerStep.value, label: "", color: color($0.size))
    }
    result.append(
      (
        "The primary y″ curve of every finished run, coloured by size; dashed lines: t_c(N), the geometric mean over seeds.",
        raw
      ))

    if let collapse = analysis.collapse {
      let collapsed = Figure(
        title: "Data collapse", xAxis: Axis("(x − x_c)·N^(1/ν)"), yAxis: Axis("y″·N^(−ζ)"),
        series: collapse.scaledCurves.map {
          PlotSeries(sizeName($0.size), x: $0.x, y: $0.y, color: color($0.size))
        }, legend: .outsideRight)
      result.append(
        (
          String(
            format:
              "The per-size mean curves scaled with x_c = %.4g, ν = %.4g, ζ = %.4g (S = %.4g over %d points).",
            collapse.parameters.criticalX, collapse.parameters.nu, collapse.parameters.zeta, collapse.quality,
            collapse.pointCount),
          collapsed
        ))
    }

    /// The per-size means with the fitted power law; `symbol` is the exponent's name in `form`,
    /// `sign` its sign relative to the fitted exponent.
    func lawFigure(
      _ title: String, _ label: String, _ values: [Double], _ fit: PowerLawFit?, _ form: String,
      _ symbol: String,
      _ sign: Double
    ) -> (String, Figure) {
      var figure = Figure(
        title: title, xAxis: Axis("size N (\(analysis.options.sizeVariable.rawValue))", scale: .log10),
        yAxis: Axis(label, scale: .log10),
        series: [PlotSeries("per-size mean", x: sizes, y: values, style: .markers, color: Palette.ink)])
      var caption = "Per-size means over seeds on log-log axes"
      if let fit, let low = sizes.first, let high = sizes.last {
        let grid = (0...40).map { low * pow(high / low, Double($0) / 40) }
        figure.series.append(
          PlotSeries(
            "fit", x: grid, y: grid.map { exp(fit.logPrefactor.value) * pow($0, fit.exponent.value) },
            color: Palette.color(at: 5), dashed: true))
        caption += String(format: ", with the fitted %@: %@ = %.4g.", form, symbol, sign * fit.exponent.value)
      } else {
        caption += " (no fit: too few sizes)."
      }
      return (caption, figure)
    }
    result.append(
      lawFigure(
        "Depth of the marker", "h = |min y″|", analysis.sizes.map(\.depth.value), analysis.depthLaw,
        "h ∝ N^a", "a", 1))
    result.append(
      lawFigure(
        "Width of the marker", "w (decades of t)", analysis.sizes.map(\.widthDecades.value),
        analysis.widthLaw, "w ∝ N^(−b)", "b", -1))

    var shift = Figure(
      title: "Position of the marker",
      xAxis: Axis("size N (\(analysis.options.sizeVariable.rawValue))", scale: .log10),
      yAxis: Axis("t_c (steps)", scale: .log10),
      series: [
        PlotSeries(
          "t_c(N)", x: sizes, y: analysis.sizes.map(\.markerStep.value), style: .markers, color: Palette.ink)
      ])
    if let fit = analysis.markerShift, let low = sizes.first, let high = sizes.last {
      let grid = (0...40).map { low * pow(high / low, Double($0) / 40) }
      shift.series.append(
        PlotSeries(
          "fit", x: grid,
          y: grid.map {
            base.power(fit.logCriticalStep.value + fit.amplitude.value * pow($0, -1 / fit.nu.value))
          },
          color: Palette.color(at: 5), dashed: true))
    }
    result.append(
      (
        "t_c(N), the geometric mean over seeds, with log t_c(N) = log t_c(∞) + c·N^(−1/ν) where fitted.",
        shift
      ))
    return result
  }

  /// The whole page.
  public static func page(_ scaling: SweepScaling, sweepName: String) -> String {
    let analysis = scaling.analysis
    func number(_ v: Double?) -> String { v.map { String(format: "%.4g", $0) } ?? "–" }
    var report = HTMLReport(
      title: "Finite-size scaling: \(sweepName)",
      subtitle:
        "\(scaling.entries.count) runs at \(analysis.sizes.count) sizes, N = \(analysis.options.sizeVariable.rawValue)",
      footer:
        "infogeo \(scaling.infogeoVersion) — written by 'infogeo scaling'; the numbers are in scaling.json.")
    report.section("Exponents") { s in
      s.table(
        Table(
          header: [
            "exponent", "form", "value", "σ", "σ (bootstrap)", "95% interval", "quality (χ²/dof, χ² or S)",
          ],
          rows: analysis.table.map { row in
            let e = row.estimate
            return [
              row.name, row.form, number(e.value), number(e.standardError), number(e.bootstrapStandardError),
              e.lower.map { "[\(number($0)), \(number(e.upper))]" } ?? "–", number(row.quality),
            ]
          }, numericColumns: [2, 3, 4, 6]))
      for note in analysis.notes { s.note(note) }
    }
    report.section("Markers by size") { s in
      s.table(
        Table(
          header: ["N", "seeds", "t_c", "σ(t_c)", "h", "σ(h)", "w (decades)", "σ(w)"],
          rows: analysis.sizes.map {
            [
              number($0.size), $0.seeds.map(String.init).joined(separator: ","), number($0.markerStep.value),
              number($0.markerStep.standardError), number($0.depth.value), number($0.depth.standardError),
              number($0.widthDecades.value), number($0.widthDecades.standardError),
            ]
          }, numericColumns: [0, 2, 3, 4, 5, 6, 7]))
      for skipped in scaling.skipped { s.warning("\(skipped.run) left out: \(skipped.reason)") }
    }
    report.section("Figures") { s in
      s.figures(
        figures(scaling).map { ReportFigure(svg: SVGRenderer.render($0.figure), caption: $0.caption) })
    }
    return report.render()
  }
}
