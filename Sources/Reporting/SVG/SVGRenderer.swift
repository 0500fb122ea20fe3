import Foundation

/// Draws a `Figure` as a standalone SVG document.
///
/// A pure function of the figure and the size: the same input gives byte-identical output on every
/// machine (coordinates with at most two decimals, no dates, no random ids). The output is a single
/// well-formed `<svg>` element with the SVG namespace and no XML declaration, so it can be written to
/// a `.svg` file or inlined into an XHTML page. All text is XML-escaped. The one id it defines (the
/// plot area's clip path) is a hash of the figure and the size, so several figures can share a page.
public enum SVGRenderer {
  static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
  static let tickFontSize = 12.0
  static let labelFontSize = 13.0
  static let titleFontSize = 15.0

  /// The figure as SVG markup, `width` × `height` pixels (each at least 120 × 100; non-finite sizes
  /// fall back to 560 × 360).
  public static func render(_ figure: Figure, width: Double = 560, height: Double = 360) -> String {
    let width = width.isFinite ? max(width, 120) : 560
    let height = height.isFinite ? max(height, 100) : 360
    let figure = fittingLegend(figure, width: width)
    let (frame, xTicks, yTicks) = layout(figure, width: width, height: height)
    let clipID = "plot-" + fnv1aHex("\(figure) \(width) \(height)")

    var body = SVGWriter()
    if figure.heatmap == nil { drawGrid(&body, frame, xTicks, yTicks) }
    body.open("g", [("clip-path", "url(#\(clipID))")])
    if let heatmap = figure.heatmap { drawHeatmap(&body, frame, heatmap) }
    for band in figure.bands { drawBand(&body, frame, band) }
    for (index, series) in figure.series.enumerated() {
      drawSeries(&body, frame, series, color: series.color ?? Palette.color(at: index))
    }
    for marker in figure.markers { drawMarkerLine(&body, frame, marker) }
    body.close("g")
    drawAxes(&body, frame, xTicks, yTicks, figure: figure, height: height)
    for (index, marker) in figure.markers.enumerated() { drawMarkerLabel(&body, frame, marker, index: index) }
    if let heatmap = figure.heatmap { drawColorBar(&body, frame, heatmap) }
    drawLegend(&body, frame, figure)
    if !figure.title.isEmpty {
      let (title, size) = fittedTitle(figure.title, width: width - 16)
      body.text(
        title,
        [
          ("x", NumberFormat.coordinate(width / 2)), ("y", "24"), ("text-anchor", "middle"),
          ("font-size", NumberFormat.coordinate(size)), ("font-weight", "600"),
        ])
    }

    var svg = SVGWriter()
    svg.open(
      "svg",
      [
        ("xmlns", "http://www.w3.org/2000/svg"), ("width", NumberFormat.coordinate(width)),
        ("height", NumberFormat.coordinate(height)),
        ("viewBox", "0 0 \(NumberFormat.coordinate(width)) \(NumberFormat.coordinate(height))"),
        ("font-family", fontFamily), ("font-size", NumberFormat.coordinate(tickFontSize)),
        ("fill", Palette.ink.hex),
        ("role", "img"), ("aria-label", figure.title),
      ])
    svg.element("title", [], content: XMLText.escape(figure.title))
    svg.element("rect", [("width", "100%"), ("height", "100%"), ("fill", "#ffffff")])
    svg.open("defs", [])
    svg.open("clipPath", [("id", clipID)])
    svg.element("rect", rect(frame.left, frame.top, frame.width, frame.height))
    svg.close("clipPath")
    svg.close("defs")
    return svg.markup + body.markup + "</svg>\n"
  }

  // MARK: - Layout

  /// The data limits of both axes, the plot area left after margins for title, tick labels, axis
  /// labels, colour bar and an outside legend, and ticks as dense as the plot's size allows (a
  /// labelled tick per ~80 px along x and per ~45 px along y, 2 to 8 of them on linear axes).
  static func layout(_ figure: Figure, width: Double, height: Double) -> (
    frame: PlotFrame, xTicks: [Tick], yTicks: [Tick]
  ) {
    let (xValues, yValues) = extents(figure)
    let padding = figure.heatmap == nil ? 0.04 : 0
    let xLimits = PlotFrame.limits(for: figure.xAxis, values: xValues, padding: padding)
    let yLimits = PlotFrame.limits(for: figure.yAxis, values: yValues, padding: padding)

    let top: Double = figure.title.isEmpty ? 14 : 38
    let bottom: Double = 9 + 17 + (figure.xAxis.label.isEmpty ? 0 : 22) + 6
    let plotBottom = max(height - bottom, top + 20)
    let yTicks = ticks(figure.yAxis.scale, yLimits, length: plotBottom - top, spacing: 45)

    let yTickWidth = yTicks.map { TextMetrics.width($0.label, fontSize: tickFontSize) }.max() ?? 0
    let left = 10 + (figure.yAxis.label.isEmpty ? 0 : 22) + yTickWidth + 9
    var reserved = 0.0
    if let heatmap = figure.heatmap { reserved += colorBarWidth(heatmap) }
    if figure.legend == .outsideRight, let size = legendSize(figure) { reserved += size.width + 12 }
    let xTicks = ticks(
      figure.xAxis.scale, xLimits, length: max(width - left - reserved - 16, 20), spacing: 80)
    let lastXLabel =
      xTicks.last { $0.label != .none }.map { TextMetrics.width($0.label, fontSize: tickFontSize) } ?? 0
    let right = max(16, lastXLabel / 2 + 6) + reserved

    let frame = PlotFrame(
      left: left, top: top, right: max(width - right, left + 20), bottom: plotBottom,
      xScale: figure.xAxis.scale,
      yScale: figure.yAxis.scale, xLimits: xLimits, yLimits: yLimits)
    return (frame, xTicks, yTicks)
  }

  /// Transformed coordinates of everything that should be visible, per axis.
  static func extents(_ figure: Figure) -> (x: [Double], y: [Double]) {
    let xs = figure.xAxis.scale
    let ys = figure.yAxis.scale
    var x: [Double] = []
    var y: [Double] = []
    for series in figure.series {
      for (a, b) in zip(series.x, series.y) {
        if let u = xs.transform(a), let v = ys.transform(b) {
          x.append(u)
          y.append(v)
        }
      }
    }
    for band in figure.bands {
      switch band.region {
      case .xRange(let lower, let upper):
        x += [lower, upper].compactMap(xs.transform)
      case .between(let bx, let lower, let upper):
        for (a, (l, u)) in zip(bx, zip(lower, upper)) {
          if let ua = xs.transform(a), let vl = ys.transform(l), let vu = ys.transform(u) {
            x.append(ua)
            y += [vl, vu]
          }
        }
      }
    }
    x += figure.markers.compactMap { xs.transform($0.x) }
    if let heatmap = figure.heatmap {
      for extent in heatmap.rowExtents(on: xs) { x += [extent.lower, extent.upper] }
      y += heatmap.valueEdges.compactMap(ys.transform)
    }
    return (x, y)
  }

  /// Ticks over `limits` (transformed coordinates) for an axis `length` pixels long, with about one
  /// labelled tick per `spacing` pixels on a linear axis (2…8) and at most one per `spacing / 2`
  /// pixels on a log axis (where labels are short).
  static func ticks(_ scale: AxisScale, _ limits: ClosedRange<Double>, length: Double, spacing: Double)
    -> [Tick]
  {
    let low = scale.value(atTransformed: limits.lowerBound)
    let high = scale.value(atTransformed: limits.upperBound)
    guard high > low, length.isFinite else { return [] }
    switch scale {
    case .linear: return Ticks.linear(in: low...high, targetCount: min(max(Int(length / spacing), 2), 8))
    case .log10: return Ticks.log10(in: low...high, maximumMajorCount: max(Int(2 * length / spacing), 2))
    }
  }

  // MARK: - Axes

  static func drawGrid(_ svg: inout SVGWriter, _ frame: PlotFrame, _ xTicks: [Tick], _ yTicks: [Tick]) {
    svg.open("g", [("stroke-width", "1"), ("fill", "none")])
    for major in [false, true] {
      let stroke = (major ? Palette.grid : Palette.minorGrid).hex
      for tick in xTicks where tick.isMajor == major {
        guard let u = frame.xScale.transform(tick.value) else { continue }
        let x = NumberFormat.coordinate(frame.pixelX(transformed: u))
        svg.element(
          "line",
          [
            ("x1", x), ("y1", NumberFormat.coordinate(frame.top)), ("x2", x),
            ("y2", NumberFormat.coordinate(frame.bottom)), ("stroke", stroke),
          ])
      }
      for tick in yTicks where tick.isMajor == major {
        guard let v = frame.yScale.transform(tick.value) else { continue }
        let y = NumberFormat.coordinate(frame.pixelY(transformed: v))
        svg.element(
          "line",
          [
            ("x1", NumberFormat.coordinate(frame.left)), ("y1", y),
            ("x2", NumberFormat.coordinate(frame.right)),
            ("y2", y), ("stroke", stroke),
          ])
      }
    }
    svg.close("g")
  }

  static func drawAxes(
    _ svg: inout SVGWriter, _ frame: PlotFrame, _ xTicks: [Tick], _ yTicks: [Tick], figure: Figure,
    height: Double
  ) {
    svg.element(
      "rect",
      rect(frame.left, frame.top, frame.width, frame.height) + [("fill", "none"), ("stroke", "#7a7a7a")])
    svg.open("g", [("stroke", "#7a7a7a"), ("stroke-width", "1")])
    for tick in xTicks {
      guard let u = frame.xScale.transform(tick.value) else { continue }
      let x = NumberFormat.coordinate(frame.pixelX(transformed: u))
      let length = tick.isMajor ? 5.0 : 3.0
      svg.element(
        "line",
        [
          ("x1", x), ("y1", NumberFormat.coordinate(frame.bottom)), ("x2", x),
          ("y2", NumberFormat.coordinate(frame.bottom + length)),
        ])
    }
    for tick in yTicks {
      guard let v = frame.yScale.transform(tick.value) else { continue }
      let y = NumberFormat.coordinate(frame.pixelY(transformed: v))
      let length = tick.isMajor ? 5.0 : 3.0
      svg.element(
        "line",
        [
          ("x1", NumberFormat.coordinate(frame.left - length)), ("y1", y),
          ("x2", NumberFormat.coordinate(frame.left)),
          ("y2", y),
        ])
    }
    svg.close("g")

    svg.open("g", [("fill", "#444444")])
    for tick in xTicks where tick.label != .none {
      guard let u = frame.xScale.transform(tick.value) else { continue }
      svg.element(
        "text",
        [
          ("x", NumberFormat.coordinate(frame.pixelX(transformed: u))),
          ("y", NumberFormat.coordinate(frame.bottom + 20)), ("text-anchor", "middle"),
        ],
        content: labelMarkup(tick.label))
    }
    for tick in yTicks where tick.label != .none {
      guard let v = frame.yScale.transform(tick.value) else { continue }
      svg.element(
        "text",
        [
          ("x", NumberFormat.coordinate(frame.left - 8)),
          ("y", NumberFormat.coordinate(frame.pixelY(transformed: v))),
          ("dy", "0.35em"), ("text-anchor", "end"),
        ],
        content: labelMarkup(tick.label))
    }
    svg.close("g")

    let labelSize = NumberFormat.coordinate(labelFontSize)
    if !figure.xAxis.label.isEmpty {
      svg.text(
        figure.xAxis.label,
        [
          ("x", NumberFormat.coordinate((frame.left + frame.right) / 2)),
          ("y", NumberFormat.coordinate(frame.bottom + 42)), ("text-anchor", "middle"),
          ("font-size", labelSize),
        ])
    }
    if !figure.yAxis.label.isEmpty {
      let y = NumberFormat.coordinate((frame.top + frame.bottom) / 2)
      svg.text(
        figure.yAxis.label,
        [
          ("transform", "translate(24 \(y)) rotate(-90)"), ("text-anchor", "middle"),
          ("font-size", labelSize),
        ])
    }
  }

  /// A tick label as text content: plain text escaped, or "10" with a superscript exponent
  /// (U+2212 minus for negative exponents).
  static func labelMarkup(_ label: Tick.Label) -> String {
    switch label {
    case .none: return ""
    case .text(let text): return XMLText.escape(text.replacingOccurrences(of: "-", with: "\u{2212}"))
    case .powerOfTen(let k):
      let exponent = k < 0 ? "\u{2212}\(-k)" : "\(k)"
      return "10<tspan baseline-shift=\"super\" font-size=\"75%\">\(exponent)</tspan>"
    }
  }

  // MARK: - Helpers

  /// The figure with an outside legend moved inside (`.automatic`) when it would take more than 40 %
  /// of the width.
  static func fittingLegend(_ figure: Figure, width: Double) -> Figure {
    guard figure.legend == .outsideRight, let size = legendSize(figure), size.width + 12 > 0.4 * width else {
      return figure
    }
    var inside = figure
    inside.legend = .automatic
    return inside
  }

  /// The title and font size that fit in `width` pixels: the full size if it fits, else a smaller
  /// font down to 11 px, else the title cut with an ellipsis (the `<title>` element keeps it whole).
  static func fittedTitle(_ title: String, width: Double) -> (text: String, fontSize: Double) {
    let full = TextMetrics.width(title, fontSize: titleFontSize)
    guard full > width else { return (title, titleFontSize) }
    let smallest = 11.0
    let scaled = titleFontSize * width / full
    if scaled >= smallest { return (title, (scaled * 2).rounded(.down) / 2) }
    let characters = max(Int(width / (0.58 * smallest)) - 1, 1)
    return (String(title.prefix(characters)) + "…", smallest)
  }

  static func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double) -> [(String, String)] {
    [
      ("x", NumberFormat.coordinate(x)), ("y", NumberFormat.coordinate(y)),
      ("width", NumberFormat.coordinate(max(width, 0))), ("height", NumberFormat.coordinate(max(height, 0))),
    ]
  }

  /// 64-bit FNV-1a of the UTF-8 bytes, as 16 hex digits: a stable (not cryptographic) content hash.
  static func fnv1aHex(_ text: String) -> String {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
