import Foundation
import FoundationXML
import Testing

@testable import Reporting

@Suite("SVGRenderer")
struct SVGRendererTests {
  // MARK: - Golden files (see GoldenFile for how to regenerate them on purpose)

  @Test(
    "small figures render exactly as their golden SVGs",
    arguments: [
      ("linear-two-series.svg", Fixtures.linear), ("loglog-marker-band.svg", Fixtures.logLog),
      ("heatmap.svg", Fixtures.heatmap),
    ])
  func golden(name: String, figure: Figure) throws {
    try GoldenFile.check(SVGRenderer.render(figure), name: name)
  }

  // MARK: - Well-formedness and determinism

  static let hostile = Figure(
    title: #"<script>"&'</script> ]]> \#u{1}"#,
    xAxis: Axis("x & <y>", scale: .log10, range: -1...10),
    yAxis: Axis("\"quoted\"", scale: .log10),
    series: [
      PlotSeries("a<b", x: [.nan, -1, 0, 1, 10, .infinity], y: [1, 2, 3, -4, .nan, 6]),
      PlotSeries("", x: [], y: [1, 2]),
      PlotSeries("huge", x: [1, 2], y: [1e308, 1e-308]),
    ],
    bands: [
      ShadedBand(
        "σ & μ", region: .between(x: [1, 2, .nan, 4], lower: [0.5, -1, 1, 2], upper: [2, 3, 4, .nan])),
      ShadedBand(region: .xRange(lower: -5, upper: .nan)),
    ],
    markers: [VerticalMarker(x: -3, label: "<never>"), VerticalMarker(x: .nan, label: "nan")],
    heatmap: Heatmap(
      times: [1, .nan, 5], valueEdges: [-1, 0, 1], values: [[1], [], [.nan, 2, 3]], label: "<ρ>"),
    legend: .outsideRight)

  @Test(
    "every figure, including one built from hostile input, is well-formed SVG",
    arguments: [
      Fixtures.linear, Fixtures.logLog, Fixtures.heatmap, hostile,
      Figure(title: "", xAxis: Axis(""), yAxis: Axis("")),
    ])
  func wellFormed(figure: Figure) throws {
    for (width, height) in [(560.0, 360.0), (.nan, 10), (130, 100)] {
      let svg = SVGRenderer.render(figure, width: width, height: height)
      let document = try XMLSupport.parse(svg)
      #expect(document.rootElement()?.name == "svg")
      #expect(document.rootElement()?.uri == "http://www.w3.org/2000/svg")
      #expect(try Self.numericAttributesAreFinite(document))
    }
  }

  /// Whether every geometric attribute holds only finite numbers (no "nan", "inf", "+Inf"…).
  static func numericAttributesAreFinite(_ document: XMLDocument) throws -> Bool {
    let geometric: Set<String> = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "d"]
    for element in try XMLSupport.elements("*", in: document) {
      for attribute in element.attributes ?? [] where geometric.contains(attribute.name ?? "") {
        let value = attribute.stringValue ?? ""
        let numbers = value.split { "MLZ ".contains($0) }
        guard numbers.allSatisfy({ Double($0)?.isFinite == true || $0.hasSuffix("%") }) else { return false }
      }
    }
    return true
  }

  @Test("hostile text arrives intact after escaping")
  func escapedTitle() throws {
    let document = try XMLSupport.parse(SVGRenderer.render(Self.hostile))
    let title = try #require(try XMLSupport.elements("title", in: document).first)
    #expect(title.stringValue == "<script>\"&'</script> ]]> \u{FFFD}")
  }

  @Test("output is deterministic, and different figures get different clip ids")
  func deterministic() throws {
    #expect(SVGRenderer.render(Fixtures.logLog) == SVGRenderer.render(Fixtures.logLog))
    func clipID(_ figure: Figure) throws -> String {
      let document = try XMLSupport.parse(SVGRenderer.render(figure))
      let clip = try #require(try XMLSupport.elements("clipPath", in: document).first)
      let id = try #require(clip.value(of: "id"))
      let users = try XMLSupport.elements("g", in: document).filter {
        $0.value(of: "clip-path") == "url(#\(id))"
      }
      #expect(users.count == 1)
      return id
    }
    #expect(try clipID(Fixtures.linear) != clipID(Fixtures.logLog))
  }

  // MARK: - Invalid points

  /// The `d` attributes of the paths stroked in `color`, and the number of dots filled in it.
  static func strokes(_ svg: String, color: RGBColor) throws -> (paths: [String], dots: Int) {
    let document = try XMLSupport.parse(svg)
    let paths = try XMLSupport.elements("path", in: document).filter {
      $0.value(of: "stroke") == color.hex
    }.compactMap { $0.value(of: "d") }
    let dots = try XMLSupport.elements("g", in: document).filter {
      $0.value(of: "fill") == color.hex
    }.map { $0.children?.count ?? 0 }.reduce(0, +)
    return (paths, dots)
  }

  static func moveCount(_ d: String) -> Int { d.filter { $0 == "M" }.count }

  @Test("a NaN breaks the line into two pieces")
  func nanBreaksLine() throws {
    let figure = Figure(
      title: "", xAxis: Axis("x", range: 0...4), yAxis: Axis("y", range: 0...5),
      series: [PlotSeries("s", x: [0, 1, 2, 3, 4], y: [1, 2, .nan, 4, 5])], legend: .hidden)
    let (paths, dots) = try Self.strokes(SVGRenderer.render(figure), color: Palette.color(at: 0))
    #expect(paths.count == 1)
    #expect(paths.map(Self.moveCount) == [2])
    #expect(dots == 0)
    // With explicit ranges, (0, 1) lies on the plot's left edge, 1/5 of the height above its bottom.
    let frame = SVGRenderer.layout(figure, width: 560, height: 360).frame
    let start =
      "M" + NumberFormat.coordinate(frame.left) + " "
      + NumberFormat.coordinate(frame.bottom - frame.height / 5)
    #expect(paths.first?.hasPrefix(start) == true)
  }

  @Test("a log axis skips non-positive values; an isolated valid point becomes a dot")
  func logSkipsNonPositive() throws {
    let figure = Figure(
      title: "", xAxis: Axis("x"), yAxis: Axis("y", scale: .log10),
      series: [PlotSeries("s", x: [1, 2, 3, 4, 5, 6], y: [1, -1, 0, 10, 100, 1000])], legend: .hidden)
    let (paths, dots) = try Self.strokes(SVGRenderer.render(figure), color: Palette.color(at: 0))
    #expect(paths.map(Self.moveCount) == [1])
    // "Mx y Lx y x y": the run 10, 100, 1000 has three points, six numbers.
    #expect(paths.first?.split(separator: " ").count == 6)
    #expect(dots == 1)
    // The y range fits the valid values only: 1…1000 padded by 4 % of 3 decades on each side.
    let frame = SVGRenderer.layout(figure, width: 560, height: 360).frame
    #expect(abs(frame.yLimits.lowerBound + 0.12) < 1e-12 && abs(frame.yLimits.upperBound - 3.12) < 1e-12)
  }

  @Test("markers outside the shown range are not drawn; those inside carry their label")
  func markers() throws {
    let figure = Figure(
      title: "", xAxis: Axis("t", scale: .log10, range: 1...1000), yAxis: Axis("y"),
      series: [PlotSeries("s", x: [1, 1000], y: [0, 1])],
      markers: [VerticalMarker(x: 5000, label: "outside"), VerticalMarker(x: 30, label: "t_c & co")])
    let svg = SVGRenderer.render(figure)
    #expect(!svg.contains("outside"))
    let document = try XMLSupport.parse(svg)
    #expect(try XMLSupport.elements("text", in: document).contains { $0.stringValue == "t_c & co" })
  }

  @Test("narrow plots get fewer ticks; labels never crowd closer than ~50 px")
  func tickDensity() {
    let figure = Fixtures.linear
    for width in [200.0, 320, 560, 1200] {
      let (frame, xTicks, _) = SVGRenderer.layout(figure, width: width, height: 300)
      let positions = xTicks.compactMap { frame.xScale.transform($0.value).map(frame.pixelX) }
      let gaps = zip(positions, positions.dropFirst()).map { $1 - $0 }
      // The target is at most one label per 80 px, and rounding the raw step to 1-2-5 shrinks it by
      // at most 1/1.5 (raw mantissa just under 1.5 → 1; under 3 → 2), so gaps are ≥ 80/1.5 ≈ 53 px.
      #expect(gaps.allSatisfy { $0 >= 50 }, "width \(width): gaps \(gaps)")
      #expect(xTicks.count >= 2)
    }
  }

  @Test("long titles shrink to fit, then are cut with an ellipsis")
  func titles() {
    #expect(SVGRenderer.fittedTitle("Short", width: 300) == ("Short", 15))
    let long = String(repeating: "x", count: 40)  // 40 · 0.58 · 15 = 348 px at full size
    let shrunk = SVGRenderer.fittedTitle(long, width: 300)
    #expect(shrunk.text == long && shrunk.fontSize < 15 && shrunk.fontSize >= 11)
    let cut = SVGRenderer.fittedTitle(long, width: 150)
    #expect(cut.text.hasSuffix("…") && cut.fontSize == 11)
    #expect(TextMetrics.width(cut.text, fontSize: 11) <= 150)
  }

  @Test("log tick labels are 10 with a superscript exponent")
  func powerLabels() {
    #expect(
      SVGRenderer.labelMarkup(.powerOfTen(-3))
        == "10<tspan baseline-shift=\"super\" font-size=\"75%\">\u{2212}3</tspan>")
    #expect(SVGRenderer.labelMarkup(.text("-0.5 & x")) == "\u{2212}0.5 &amp; x")
  }

  @Test(
    "a heatmap draws a rect per run of equal colour among the finite values of a valid row",
    arguments: [
      ([[1.0, 2], [3, .nan], [5, 6]], 5),  // all colours differ: one rect per finite value
      ([[0.0, 0, 1, 1], [0, .nan, 0, 0], [4, 4, 4, 4]], 5),  // runs: 2 + (1 + 1) + 1
    ])
  func heatmapCells(values: [[Double]], rects: Int) throws {
    let figure = Figure(
      title: "", xAxis: Axis("t", scale: .log10), yAxis: Axis("w"),
      heatmap: Heatmap(times: [1, 10, 100], valueEdges: [-1, -0.5, 0, 0.5, 1], values: values))
    let document = try XMLSupport.parse(SVGRenderer.render(figure))
    let cells = try XMLSupport.elements("g", in: document).filter {
      $0.value(of: "shape-rendering") != nil
    }.map { $0.children?.count ?? 0 }
    // Groups: the heatmap, then the colour bar's slices.
    #expect(cells == [rects, SVGRenderer.colorBarSlices])
  }
}
