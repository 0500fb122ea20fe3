import Testing

@testable import Reporting

@Suite("PlotFrame")
struct PlotFrameTests {
  @Test("limits: an explicit valid range wins; data are padded; one value or none get defaults")
  func limits() {
    #expect(PlotFrame.limits(for: Axis("x", range: 2...3), values: [0, 100], padding: 0.04) == 2...3)
    // log10 of an explicit [10, 1000] is [1, 3] (exact: log10 of powers of ten is exact in glibc).
    #expect(
      PlotFrame.limits(for: Axis("x", scale: .log10, range: 10...1000), values: [], padding: 0) == 1...3)
    // An explicit range invalid on a log axis is ignored in favour of the data.
    #expect(
      PlotFrame.limits(for: Axis("x", scale: .log10, range: 0...10), values: [0, 1], padding: 0) == 0...1)
    // Padding 1/4 of a span of 4 is 1 on each side (exact).
    #expect(PlotFrame.limits(for: Axis("x"), values: [1, 5, 3], padding: 0.25) == 0...6)
    #expect(PlotFrame.limits(for: Axis("x"), values: [10], padding: 0.04) == 9...11)
    #expect(PlotFrame.limits(for: Axis("x"), values: [0], padding: 0.04) == -0.5...0.5)
    #expect(PlotFrame.limits(for: Axis("x", scale: .log10), values: [2], padding: 0.04) == 1.5...2.5)
    #expect(PlotFrame.limits(for: Axis("x"), values: [], padding: 0.04) == 0...1)
  }

  @Test("data map linearly to pixels, y growing downwards; invalid points have no pixel")
  func mapping() {
    let frame = PlotFrame(
      left: 10, top: 20, right: 110, bottom: 220, xScale: .log10, yScale: .linear, xLimits: 0...2,
      yLimits: -1...1)
    let corner = frame.pixel(x: 1, y: -1)
    #expect(corner?.x == 10 && corner?.y == 220)
    let middle = frame.pixel(x: 10, y: 0)
    #expect(middle?.x == 60 && middle?.y == 120)
    #expect(frame.pixel(x: -1, y: 0) == nil)
    #expect(frame.pixel(x: 1, y: .nan) == nil)
    #expect(frame.showsX(100) && !frame.showsX(101) && !frame.showsX(0))
  }
}
