import Foundation
import Testing

@testable import InfoGeometry

@Suite("MarkerShiftFit")
struct ScalingMarkerShiftFitTests {
  // log t_c = 6.9 + 3·N^(−1/1.5) exactly at six sizes: the search over ν and the linear solve
  // recover all three (golden section to ~10⁻⁸ in ln ν; 10⁻⁵ allows the flat χ² near the minimum).
  @Test("noise-free drift: log t_c(∞), c and ν are recovered")
  func exact() throws {
    let sizes = [16.0, 32, 64, 128, 256, 512]
    let logs = sizes.map { 6.9 + 3 * pow($0, -1 / 1.5) }
    let s = try #require(MarkerShiftFit.solve(sizes: sizes, logMarkers: logs, weights: nil))
    #expect(abs(s.nu - 1.5) < 1e-5)
    #expect(abs(s.logCriticalStep - 6.9) < 1e-5)
    #expect(abs(s.amplitude - 3) < 1e-4)
    #expect(s.chiSquare < 1e-12)
    #expect(MarkerShiftFit.solve(sizes: [16, 32], logMarkers: [1, 2], weights: nil) == nil)
  }
}
