/// The legend and the heatmap's colour bar.
extension SVGRenderer {
  static let legendRowHeight = 18.0
  static let legendSwatchWidth = 24.0
  static let colorBarSlices = 48

  /// A legend row: a series (line and/or dot swatch) or a band (filled square).
  enum LegendEntry {
    case series(PlotSeries, RGBColor)
    case band(ShadedBand)

    var name: String {
      switch self {
      case .series(let s, _): return s.name
      case .band(let b): return b.name
      }
    }
  }

  static func legendEntries(_ figure: Figure) -> [LegendEntry] {
    let series = figure.series.enumerated().filter { !$0.element.name.isEmpty }.map {
      LegendEntry.series($0.element, $0.element.color ?? Palette.color(at: $0.offset))
    }
    return series + figure.bands.filter { !$0.name.isEmpty }.map { LegendEntry.band($0) }
  }

  static func legendSize(_ figure: Figure) -> (width: Double, height: Double)? {
    let entries = legendEntries(figure)
    guard figure.legend != .hidden, !entries.isEmpty else { return nil }
    let text = entries.map { TextMetrics.width($0.name, fontSize: tickFontSize) }.max() ?? 0
    return (8 + legendSwatchWidth + 8 + text + 8, 6 + Double(entries.count) * legendRowHeight + 4)
  }

  /// The legend's top-left corner for its placement; `.automatic` picks the inside corner holding the
  /// fewest series points (and segment midpoints), where overlapping a marker label counts as 1000
  /// points.
  static func legendOrigin(_ figure: Figure, _ frame: PlotFrame, size: (width: Double, height: Double))
    -> (x: Double, y: Double)
  {
    let inset = 8.0
    let left = frame.left + inset
    let right = frame.right - inset - size.width
    let top = frame.top + inset
    let bottom = frame.bottom - inset - size.height
    switch figure.legend {
    case .topRight, .hidden: return (right, top)
    case .topLeft: return (left, top)
    case .bottomRight: return (right, bottom)
    case .bottomLeft: return (left, bottom)
    case .outsideRight:
      let bar = figure.heatmap.map(colorBarWidth) ?? 0
      return (frame.right + bar + 12, frame.top)
    case .automatic:
      var points: [(x: Double, y: Double)] = []
      for series in figure.series {
        for run in segments(frame, x: series.x, y: series.y) {
          points += run
          points += zip(run, run.dropFirst()).map { (($0.x + $1.x) / 2, ($0.y + $1.y) / 2) }
        }
      }
      let corners = [(right, top), (left, top), (right, bottom), (left, bottom)]
      let labels = figure.markers.enumerated().compactMap {
        markerLabelBox(frame, $0.element, index: $0.offset)
      }
      func covered(_ corner: (Double, Double)) -> Int {
        let (x0, y0, x1, y1) = (corner.0, corner.1, corner.0 + size.width, corner.1 + size.height)
        let inside = points.filter { $0.x >= x0 && $0.x <= x1 && $0.y >= y0 && $0.y <= y1 }.count
        let hidden = labels.filter { $0.left < x1 && $0.right > x0 && $0.top < y1 && $0.bottom > y0 }.count
        return inside + 1000 * hidden
      }
      let counts = corners.map(covered)
      let best = counts.indices.min { counts[$0] < counts[$1] } ?? 0
      return corners[best]
    }
  }

  static func drawLegend(_ svg: inout SVGWriter, _ frame: PlotFrame, _ figure: Figure) {
    guard let size = legendSize(figure) else { return }
    let origin = legendOrigin(figure, frame, size: size)
    svg.open("g", [])
    svg.element(
      "rect",
      rect(origin.x, origin.y, size.width, size.height) + [
        ("rx", "3"), ("fill", "#ffffff"), ("fill-opacity", "0.88"), ("stroke", "#c8c8c8"),
      ])
    for (i, entry) in legendEntries(figure).enumerated() {
      let y = origin.y + 6 + (Double(i) + 0.5) * legendRowHeight
      let x0 = origin.x + 8
      let x1 = x0 + legendSwatchWidth
      switch entry {
      case .series(let series, let color):
        if series.style != .markers {
          var attributes = [
            ("x1", NumberFormat.coordinate(x0)), ("y1", NumberFormat.coordinate(y)),
            ("x2", NumberFormat.coordinate(x1)),
            ("y2", NumberFormat.coordinate(y)), ("stroke", color.hex), ("stroke-width", "2"),
          ]
          if series.dashed { attributes.append(("stroke-dasharray", "6 4")) }
          svg.element("line", attributes)
        }
        if series.style != .line {
          svg.element(
            "circle",
            [
              ("cx", NumberFormat.coordinate((x0 + x1) / 2)), ("cy", NumberFormat.coordinate(y)), ("r", "3"),
              ("fill", color.hex),
            ])
        }
      case .band(let band):
        svg.element(
          "rect",
          rect(x0, y - 5, legendSwatchWidth, 10) + [
            ("fill", (band.color ?? Palette.ink).hex),
            (
              "fill-opacity",
              NumberFormat.fixed(min(max(band.opacity.isFinite ? band.opacity : 0.18, 0.15), 1), decimals: 3)
            ),
          ])
      }
      svg.text(
        entry.name,
        [("x", NumberFormat.coordinate(x1 + 8)), ("y", NumberFormat.coordinate(y)), ("dy", "0.35em")])
    }
    svg.close("g")
  }

  // MARK: - Colour bar

  static func colorBarTicks(_ heatmap: Heatmap) -> [Tick] {
    Ticks.linear(in: heatmap.intensityRange, targetCount: 5)
  }

  /// The horizontal space the colour bar takes right of the plot: gap, bar, tick labels, label.
  static func colorBarWidth(_ heatmap: Heatmap) -> Double {
    let labels = colorBarTicks(heatmap).map { TextMetrics.width($0.label, fontSize: tickFontSize) }.max() ?? 0
    return 14 + 14 + 8 + labels + (heatmap.label.isEmpty ? 0 : 22)
  }

  static func drawColorBar(_ svg: inout SVGWriter, _ frame: PlotFrame, _ heatmap: Heatmap) {
    let x = frame.right + 14
    let barWidth = 14.0
    let range = heatmap.intensityRange
    let span = range.upperBound - range.lowerBound
    let sliceHeight = frame.height / Double(colorBarSlices)
    svg.open("g", [("shape-rendering", "crispEdges")])
    for k in 0..<colorBarSlices {
      let color = heatmap.colorMap.color(at: (Double(k) + 0.5) / Double(colorBarSlices))
      let y = frame.bottom - Double(k + 1) * sliceHeight
      svg.element("rect", rect(x, y, barWidth, sliceHeight) + [("fill", color.hex)])
    }
    svg.close("g")
    svg.element(
      "rect", rect(x, frame.top, barWidth, frame.height) + [("fill", "none"), ("stroke", "#7a7a7a")])
    var labelWidth = 0.0
    svg.open("g", [("fill", "#444444")])
    for tick in colorBarTicks(heatmap) {
      let y = NumberFormat.coordinate(frame.bottom - (tick.value - range.lowerBound) / span * frame.height)
      svg.element(
        "line",
        [
          ("x1", NumberFormat.coordinate(x + barWidth)), ("y1", y),
          ("x2", NumberFormat.coordinate(x + barWidth + 4)),
          ("y2", y), ("stroke", "#7a7a7a"),
        ])
      svg.element(
        "text", [("x", NumberFormat.coordinate(x + barWidth + 7)), ("y", y), ("dy", "0.35em")],
        content: labelMarkup(tick.label))
      labelWidth = max(labelWidth, TextMetrics.width(tick.label, fontSize: tickFontSize))
    }
    svg.close("g")
    if !heatmap.label.isEmpty {
      let lx = NumberFormat.coordinate(x + barWidth + 8 + labelWidth + 16)
      let ly = NumberFormat.coordinate((frame.top + frame.bottom) / 2)
      svg.text(
        heatmap.label,
        [
          ("transform", "translate(\(lx) \(ly)) rotate(-90)"), ("text-anchor", "middle"),
          ("font-size", NumberFormat.coordinate(labelFontSize)),
        ])
    }
  }
}
