import Foundation
import Testing

@testable import InfoGeometry

@Suite("MonotoneCubicInterpolant")
struct MonotoneCubicInterpolantTests {
  @Test("passes through the data and reproduces straight lines exactly")
  func interpolates() throws {
    let x: [Double] = [0, 0.3, 1.1, 1.5, 4]
    let line = x.map { 2 - 0.7 * $0 }
    let f = try #require(MonotoneCubicInterpolant(x: x, y: line))
    for t in stride(from: 0.0, through: 4, by: 0.137) {
      // Hermite cubics with equal secant tangents are the line itself, up to rounding.
      #expect(abs(f(t) - (2 - 0.7 * t)) < 1e-12)
    }
    let wiggly: [Double] = [0, 2, 1, 3, -1]
    let g = try #require(MonotoneCubicInterpolant(x: x, y: wiggly))
    for (xi, yi) in zip(x, wiggly) { #expect(abs(g(xi) - yi) < 1e-12) }
  }

  @Test("stays monotone on monotone data with flat stretches and jumps")
  func monotone() throws {
    let x: [Double] = [0, 1, 2, 2.1, 5, 6, 9]
    let y: [Double] = [0, 0, 0.1, 3, 3, 3.2, 10]
    let f = try #require(MonotoneCubicInterpolant(x: x, y: y))
    var previous = -Double.infinity
    for t in stride(from: -0.5, through: 9.5, by: 0.001) {
      let v = f(t)
      // Monotone in exact arithmetic; evaluation rounds at the level of 10 ulp of values ≤ 10.
      #expect(v >= previous - 1e-14)
      previous = v
    }
    // A flat stretch of the data stays flat (zero tangents at both its ends).
    #expect(f(0.5) == 0)
    #expect(f(5.5) >= 3 && f(5.5) <= 3.2)
  }

  @Test("rejects fewer than two points and non-increasing abscissae")
  func rejects() {
    #expect(MonotoneCubicInterpolant(x: [1], y: [1]) == nil)
    #expect(MonotoneCubicInterpolant(x: [0, 1, 1], y: [0, 1, 2]) == nil)
    #expect(MonotoneCubicInterpolant(x: [0, 1], y: [0]) == nil)
  }
}
