import Testing

@testable import Reporting

@Suite("NumberFormat")
struct NumberFormatTests {
  @Test(
    "fixed rounds half away from zero and pads the fraction",
    arguments: [
      (1.25, 1, "1.3"), (2.5, 0, "3"), (-2.5, 0, "-3"), (0.125, 2, "0.13"), (12, 3, "12.000"),
      (-0.001, 2, "0.00"), (-0.0, 1, "0.0"), (1234567.891, 1, "1234567.9"), (0.5, 9, "0.500000000"),
    ])
  func fixed(value: Double, decimals: Int, expected: String) {
    // The cases are exact binary fractions (1.25, 2.5, 0.125), so the half-way cases are true ties.
    #expect(NumberFormat.fixed(value, decimals: decimals) == expected)
  }

  @Test(
    "coordinates have at most two decimals and no trailing zeros",
    arguments: [
      (12.5, "12.5"), (40, "40"), (-3.256, "-3.26"), (0.004, "0"), (-0.004, "0"), (99.999, "100"),
    ])
  func coordinate(value: Double, expected: String) {
    #expect(NumberFormat.coordinate(value) == expected)
  }

  @Test("non-finite and huge values never trap")
  func extremes() {
    #expect(NumberFormat.fixed(.nan, decimals: 2) == "0")
    #expect(NumberFormat.fixed(-.infinity, decimals: 2) == "0")
    #expect(NumberFormat.fixed(1e300, decimals: 2) == "1e+300")
  }
}
