import Testing

@testable import InfoGeometry

@Suite("GeometryConfiguration")
struct GeometryConfigurationTests {
  @Test("text options set every field; defaults are the debiased linear lattice")
  func options() throws {
    let c = try GeometryConfiguration(options: [
      "groups": "all,biases", "estimator": "gaussian", "binning": "nearest", "bins": "64",
      "grid": "fixed:-1:1",
      "stride": "10", "window": "4", "diagnostics": "off", "histograms": "16", "seed": "7",
      "bandwidth": "0.5",
    ])
    #expect(c.groups == [.all, .biases] && c.estimator == .gaussian && c.binning == .nearest)
    #expect(c.binCount == 64 && c.gridPolicy == .fixed(lower: -1, upper: 1) && c.stride == 10)
    #expect(c.debiasWindow == 4 && !c.diagnostics && c.storedHistogramLimit == 16 && c.splitSeed == 7)
    #expect(c.bandwidthFactor == 0.5)
    let d = try GeometryConfiguration(options: [:])
    #expect(d.estimator == .debiased && d.binning == .linear && d.gridPolicy == .lattice && d.binCount == nil)
    #expect(d.bandwidthFactor == 1)
    let paper = try GeometryConfiguration(options: ["recipe": "paper"])
    #expect(paper.estimator == .naive && paper.binning == .nearest)
  }

  @Test(
    "grid policies parse from and print to the same text",
    arguments: ["lattice", "global", "first:0.5", "fixed:-2.0:3.0"])
  func gridRoundTrip(text: String) throws {
    #expect(try GridPolicy(parsing: text).description == text)
  }

  @Test(
    "bad values are errors that name the option",
    arguments: [
      ["bins": "2"], ["stride": "0"], ["grid": "fixed:1:0"], ["estimator": "kde"], ["colour": "red"],
      ["grid": "first:-1"], ["bandwidth": "-1"], ["bins": "65537"],
    ])
  func badValues(options: [String: String]) {
    #expect(throws: GeometryError.self) { try GeometryConfiguration(options: options) }
    do {
      _ = try GeometryConfiguration(options: options)
    } catch {
      #expect(error.description.contains(options.keys.first!))
    }
  }

  @Test("a monitor rejects bin counts the binning kernel cannot address", arguments: [3, 65_537])
  func binLimits(bins: Int) {
    var c = GeometryConfiguration()
    c.binCount = bins
    #expect(throws: GeometryError.self) {
      try GeometryMonitor(tensorNames: ["w"], elementCounts: [10], configuration: c)
    }
  }

  @Test("a live monitor rejects the offline-only global range")
  func globalNeedsSnapshots() {
    var c = GeometryConfiguration()
    c.gridPolicy = .globalRange
    #expect(throws: GeometryError.self) {
      try GeometryMonitor(tensorNames: ["w"], elementCounts: [10], configuration: c)
    }
  }
}
