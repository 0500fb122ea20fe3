import FoundationXML
import Testing

@testable import Reporting

@Suite("SVGRenderer legend")
struct SVGRendererLegendTests {
  /// A rising line: data fill the bottom-left and top-right corners.
  static func figure(_ legend: Legend) -> Figure {
    Figure(
      title: "", xAxis: Axis("x"), yAxis: Axis("y"),
      series: [
        PlotSeries("rising", x: (0...40).map(Double.init), y: (0...40).map(Double.init)),
        PlotSeries("", x: [0, 40], y: [40, 40]),
      ],
      bands: [ShadedBand("band", region: .xRange(lower: 1, upper: 2))], legend: legend)
  }

  @Test("the automatic legend avoids the corners that hold data")
  func automatic() throws {
    let figure = Self.figure(.automatic)
    let frame = SVGRenderer.layout(figure, width: 560, height: 360).frame
    let size = try #require(SVGRenderer.legendSize(figure))
    let origin = SVGRenderer.legendOrigin(figure, frame, size: size)
    // The unnamed flat series at y = 40 fills the top edge, the rising line the top-right and bottom-left
    // corners: only the bottom-right corner is free.
    #expect(origin.x + size.width == frame.right - 8)
    #expect(origin.y + size.height == frame.bottom - 8)
  }

  @Test("named series and bands get entries; unnamed ones do not")
  func entries() throws {
    let document = try XMLSupport.parse(SVGRenderer.render(Self.figure(.topLeft)))
    let texts = try XMLSupport.elements("text", in: document).compactMap(\.stringValue)
    #expect(texts.contains("rising") && texts.contains("band"))
    #expect(SVGRenderer.legendEntries(Self.figure(.topLeft)).count == 2)
    #expect(SVGRenderer.legendSize(Self.figure(.hidden)) == nil)
  }

  @Test("an outside legend narrows the plot and sits right of it")
  func outside() throws {
    let inside = SVGRenderer.layout(Self.figure(.topRight), width: 560, height: 360).frame
    let figure = Self.figure(.outsideRight)
    let frame = SVGRenderer.layout(figure, width: 560, height: 360).frame
    let size = try #require(SVGRenderer.legendSize(figure))
    #expect(frame.right < inside.right - size.width)
    let origin = SVGRenderer.legendOrigin(figure, frame, size: size)
    #expect(origin.x > frame.right && origin.x + size.width <= 560)
  }

  @Test("the automatic legend keeps clear of marker labels")
  func avoidsMarkerLabels() throws {
    let figure = Figure(
      title: "", xAxis: Axis("x", range: 0...10), yAxis: Axis("y", range: 0...10),
      series: [PlotSeries("flat", x: [0, 10], y: [0, 0])],
      markers: [VerticalMarker(x: 8, label: "test-loss min")])
    let frame = SVGRenderer.layout(figure, width: 560, height: 360).frame
    let size = try #require(SVGRenderer.legendSize(figure))
    let origin = SVGRenderer.legendOrigin(figure, frame, size: size)
    // Data hug the bottom edge and the label sits top right: the legend goes top left.
    #expect(origin.x == frame.left + 8 && origin.y == frame.top + 8)
  }

  @Test("an outside legend too wide for the figure moves inside")
  func outsideTooWide() {
    let figure = Self.figure(.outsideRight)
    #expect(SVGRenderer.fittingLegend(figure, width: 560).legend == .outsideRight)
    #expect(SVGRenderer.fittingLegend(figure, width: 200).legend == .automatic)
  }
}
