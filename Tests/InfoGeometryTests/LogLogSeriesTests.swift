import Foundation
import Testing

@testable import InfoGeometry

@Suite("LogLogSeries")
struct LogLogSeriesTests {
  @Test("a power law L = c·t^β becomes the straight line ln c + β·ln t on a uniform grid")
  func powerLaw() throws {
    let steps = (1...500).map { Double($0 * 3) }
    let curve = try InformationLengthCurve(steps: steps, length: steps.map { 0.2 * pow($0, 0.6) })
    let grid = try LogLogSeries(curve, gridSize: 64)
    // Default burn-in: one decade after the first step (3 → 30).
    #expect(abs(grid.burnInStep - 30) < 1e-12)
    #expect(abs(grid.x[0] - log(30)) < 1e-12)
    #expect(abs(grid.x[63] - log(1500)) < 1e-12)
    for i in 1..<64 { #expect(abs(grid.x[i] - grid.x[i - 1] - grid.spacing) < 1e-12) }
    // The monotone cubic reproduces straight lines exactly, up to rounding of ln.
    for (x, y) in zip(grid.x, grid.y) { #expect(abs(y - (log(0.2) + 0.6 * x)) < 1e-12) }
  }

  @Test("a burn-in before the first positive step is moved up to it; one past the end is rejected")
  func burnIn() throws {
    let steps: [Double] = [1, 2, 4, 8, 16, 32, 64]
    let curve = try InformationLengthCurve(steps: steps, length: [0, 1, 2, 3, 4, 5, 6])
    #expect(try LogLogSeries(curve, burnInStep: 1, gridSize: 16).burnInStep == 2)
    #expect(
      throws: TransitionError.invalidOption(
        name: "burnInStep", expected: "a step before the last step 64.0", found: 64)
    ) {
      try LogLogSeries(curve, burnInStep: 64, gridSize: 16)
    }
    #expect(throws: TransitionError.tooFewPoints(field: "steps after burn-in", needed: 5, found: 3)) {
      try LogLogSeries(curve, burnInStep: 16, gridSize: 16)
    }
    #expect(throws: TransitionError.invalidOption(name: "gridSize", expected: "at least 8", found: 4)) {
      try LogLogSeries(curve, gridSize: 4)
    }
  }
}
