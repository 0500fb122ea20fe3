import Foundation
import Testing

@testable import Reporting

@Suite("Axis")
struct AxisTests {
  @Test("a log axis has no position for non-positive or non-finite values")
  func logTransform() {
    #expect(AxisScale.log10.transform(1000) == 3)
    for bad in [0.0, -1, .nan, .infinity, -.infinity] { #expect(AxisScale.log10.transform(bad) == nil) }
    #expect(AxisScale.linear.transform(-2) == -2)
    #expect(AxisScale.linear.transform(.nan) == nil)
  }

  @Test("value(atTransformed:) inverts transform")
  func inverse() {
    // pow(10, log10(x)) loses at most a few ulps; 1e-12 relative is ample.
    for x in [1e-6, 0.3, 7.0, 2.5e8] {
      let u = AxisScale.log10.transform(x) ?? .nan
      #expect(abs(AxisScale.log10.value(atTransformed: u) - x) <= 1e-12 * x)
    }
  }
}
