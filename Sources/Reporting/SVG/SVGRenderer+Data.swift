/// The data layers: heatmap cells, bands, series and vertical markers.
extension SVGRenderer {
  /// Runs of consecutive points valid on both axes, in pixels; an invalid point ends a run.
  static func segments(_ frame: PlotFrame, x: [Double], y: [Double]) -> [[(x: Double, y: Double)]] {
    var runs: [[(x: Double, y: Double)]] = []
    var current: [(x: Double, y: Double)] = []
    for (a, b) in zip(x, y) {
      if let p = frame.pixel(x: a, y: b) {
        current.append(p)
      } else if !current.isEmpty {
        runs.append(current)
        current = []
      }
    }
    if !current.isEmpty { runs.append(current) }
    return runs
  }

  /// SVG path data through `points`: "M x y L x y x y …".
  static func pathData(_ points: [(x: Double, y: Double)]) -> String {
    points.enumerated().map { i, p in
      (i == 0 ? "M" : i == 1 ? "L" : "") + NumberFormat.coordinate(p.x) + " " + NumberFormat.coordinate(p.y)
    }.joined(separator: " ")
  }

  static func drawSeries(_ svg: inout SVGWriter, _ frame: PlotFrame, _ series: PlotSeries, color: RGBColor) {
    let runs = segments(frame, x: series.x, y: series.y)
    let width = NumberFormat.coordinate(series.lineWidth.isFinite ? max(series.lineWidth, 0.1) : 1.8)
    if series.style != .markers {
      let lines = runs.filter { $0.count > 1 }.map(pathData).joined(separator: " ")
      if !lines.isEmpty {
        var attributes = [
          ("d", lines), ("fill", "none"), ("stroke", color.hex), ("stroke-width", width),
          ("stroke-linejoin", "round"), ("stroke-linecap", "round"),
        ]
        if series.dashed { attributes.append(("stroke-dasharray", "6 4")) }
        svg.element("path", attributes)
      }
    }
    let dots = series.style == .line ? runs.filter { $0.count == 1 }.joined() : runs.joined()
    if !dots.isEmpty {
      let radius = series.style == .line ? width : "2.8"
      svg.open("g", [("fill", color.hex)])
      for p in dots {
        svg.element(
          "circle",
          [("cx", NumberFormat.coordinate(p.x)), ("cy", NumberFormat.coordinate(p.y)), ("r", radius)])
      }
      svg.close("g")
    }
  }

  static func drawBand(_ svg: inout SVGWriter, _ frame: PlotFrame, _ band: ShadedBand) {
    let fill = [
      ("fill", (band.color ?? Palette.ink).hex),
      (
        "fill-opacity",
        NumberFormat.fixed(band.opacity.isFinite ? min(max(band.opacity, 0), 1) : 0.18, decimals: 3)
      ),
    ]
    switch band.region {
    case .xRange(let lower, let upper):
      guard let a = frame.xScale.transform(min(lower, upper)),
        let b = frame.xScale.transform(max(lower, upper))
      else { return }
      let x0 = min(max(frame.pixelX(transformed: a), frame.left), frame.right)
      let x1 = min(max(frame.pixelX(transformed: b), frame.left), frame.right)
      svg.element("rect", rect(x0, frame.top, x1 - x0, frame.height) + fill)
    case .between(let x, let lower, let upper):
      var pieces: [[(x: Double, lower: Double, upper: Double)]] = [[]]
      for (a, (l, u)) in zip(x, zip(lower, upper)) {
        if let pl = frame.pixel(x: a, y: l), let pu = frame.pixel(x: a, y: u) {
          pieces[pieces.count - 1].append((pl.x, pl.y, pu.y))
        } else if !(pieces.last?.isEmpty ?? true) {
          pieces.append([])
        }
      }
      let d = pieces.filter { $0.count > 1 }.map { piece in
        pathData(piece.map { ($0.x, $0.upper) } + piece.reversed().map { ($0.x, $0.lower) }) + " Z"
      }.joined(separator: " ")
      if !d.isEmpty { svg.element("path", [("d", d), ("stroke", "none")] + fill) }
    }
  }

  static func drawMarkerLine(_ svg: inout SVGWriter, _ frame: PlotFrame, _ marker: VerticalMarker) {
    guard frame.showsX(marker.x), let u = frame.xScale.transform(marker.x) else { return }
    let x = NumberFormat.coordinate(frame.pixelX(transformed: u))
    var attributes = [
      ("x1", x), ("y1", NumberFormat.coordinate(frame.top)), ("x2", x),
      ("y2", NumberFormat.coordinate(frame.bottom)),
      ("stroke", (marker.color ?? Palette.ink).hex), ("stroke-width", "1.4"),
    ]
    if marker.dashed { attributes.append(("stroke-dasharray", "5 3")) }
    svg.element("line", attributes)
  }

  static let markerFontSize = 12.0

  /// Where a marker's label goes: horizontally just inside the top of the plot, right of the line
  /// (left of it when it would run past the plot's right edge); the `index`-th marker's label is
  /// lowered by (index mod 4) rows so that labels of nearby markers do not overlap. Nil when the
  /// marker has no label or is not shown. `x` is the anchor, `left…right` and `top…bottom` the box.
  static func markerLabelBox(_ frame: PlotFrame, _ marker: VerticalMarker, index: Int) -> (
    x: Double, baseline: Double, anchorsStart: Bool, left: Double, right: Double, top: Double, bottom: Double
  )? {
    guard !marker.label.isEmpty, frame.showsX(marker.x), let u = frame.xScale.transform(marker.x) else {
      return nil
    }
    let lineX = frame.pixelX(transformed: u)
    let width = TextMetrics.width(marker.label, fontSize: markerFontSize)
    let fitsRight = lineX + 5 + width <= frame.right - 2
    let baseline = frame.top + 15 + Double(index % 4) * (markerFontSize + 4)
    let x = fitsRight ? lineX + 5 : lineX - 5
    let left = fitsRight ? x : x - width
    return (x, baseline, fitsRight, left, left + width, baseline - markerFontSize, baseline + 3)
  }

  /// The label on a halo (white, or dark for a light label colour) so that it stays legible over data.
  static func drawMarkerLabel(
    _ svg: inout SVGWriter, _ frame: PlotFrame, _ marker: VerticalMarker, index: Int
  ) {
    guard let box = markerLabelBox(frame, marker, index: index) else { return }
    let color = marker.color ?? Palette.ink
    let isLight =
      0.2126 * Double(color.red) + 0.7152 * Double(color.green) + 0.0722 * Double(color.blue) > 160
    svg.text(
      marker.label,
      [
        ("x", NumberFormat.coordinate(box.x)), ("y", NumberFormat.coordinate(box.baseline)),
        ("text-anchor", box.anchorsStart ? "start" : "end"),
        ("font-size", NumberFormat.coordinate(markerFontSize)),
        ("font-weight", "600"), ("fill", color.hex), ("stroke", isLight ? Palette.ink.hex : "#ffffff"),
        ("stroke-width", "3"), ("stroke-linejoin", "round"), ("paint-order", "stroke"),
      ])
  }

  static func drawHeatmap(_ svg: inout SVGWriter, _ frame: PlotFrame, _ heatmap: Heatmap) {
    let intensity = heatmap.intensityRange
    let span = intensity.upperBound - intensity.lowerBound
    let columns = heatmap.valueEdges.indices.dropLast().compactMap {
      j -> (column: Int, y0: Double, y1: Double)? in
      guard let a = frame.yScale.transform(heatmap.valueEdges[j]),
        let b = frame.yScale.transform(heatmap.valueEdges[j + 1])
      else { return nil }
      return (j, frame.pixelY(transformed: b), frame.pixelY(transformed: a))
    }
    svg.open("g", [("shape-rendering", "crispEdges")])
    for extent in heatmap.rowExtents(on: frame.xScale) {
      let x0 = frame.pixelX(transformed: extent.lower)
      let x1 = frame.pixelX(transformed: extent.upper)
      let row = heatmap.values[extent.row]
      // Neighbouring bins of one colour are drawn as one rect: zero-density tails shrink to a few.
      var run: (color: RGBColor, lastColumn: Int, yMin: Double, yMax: Double)?
      func flush() {
        if let r = run {
          svg.element("rect", rect(x0, r.yMin, x1 - x0, r.yMax - r.yMin) + [("fill", r.color.hex)])
        }
        run = nil
      }
      for column in columns {
        guard column.column < row.count, row[column.column].isFinite else {
          flush()
          continue
        }
        let color = heatmap.colorMap.color(at: (row[column.column] - intensity.lowerBound) / span)
        let low = min(column.y0, column.y1)
        let high = max(column.y0, column.y1)
        if let r = run, r.color == color, r.lastColumn + 1 == column.column {
          run = (color, column.column, min(r.yMin, low), max(r.yMax, high))
        } else {
          flush()
          run = (color, column.column, low, high)
        }
      }
      flush()
    }
    svg.close("g")
  }
}
