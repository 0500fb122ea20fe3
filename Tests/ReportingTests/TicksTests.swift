import Foundation
import Testing

@testable import Reporting

@Suite("Ticks")
struct TicksTests {
  static func texts(_ ticks: [Tick]) -> [String] {
    ticks.compactMap { if case .text(let t) = $0.label { t } else { nil } }
  }

  @Test(
    "nice steps follow the 1-2-5 rule",
    arguments: [
      (10.0, 5, 2.0), (1, 6, 0.2), (0.37, 5, 0.1), (0.3, 5, 0.05), (7300, 6, 1000), (3, 6, 0.5), (0, 5, 1),
      (-4, 5, 1),
    ])
  func niceStep(span: Double, count: Int, expected: Double) {
    // The steps are compared within 1e-12 relative: the magnitude 10^k is computed by pow.
    #expect(abs(Ticks.niceStep(span: span, targetCount: count) - expected) <= 1e-12 * expected)
  }

  @Test("linear ticks on [0, 1] are 0, 0.2, …, 1 with one decimal")
  func unitInterval() {
    #expect(Self.texts(Ticks.linear(in: 0...1)) == ["0", "0.2", "0.4", "0.6", "0.8", "1.0"])
  }

  @Test("linear ticks across zero include 0 and end inside the range")
  func acrossZero() {
    let ticks = Ticks.linear(in: -3.3...7.2)
    #expect(Self.texts(ticks) == ["-2", "0", "2", "4", "6"])
    #expect(ticks.allSatisfy { $0.isMajor })
  }

  @Test("tiny and huge steps use e-notation with a shared exponent")
  func exponents() {
    #expect(
      Self.texts(Ticks.linear(in: 0...2e-5, targetCount: 4)) == ["0", "0.5e-5", "1.0e-5", "1.5e-5", "2.0e-5"])
    #expect(
      Self.texts(Ticks.linear(in: 0...250_000, targetCount: 5)) == [
        "0", "0.5e5", "1.0e5", "1.5e5", "2.0e5", "2.5e5",
      ])
  }

  @Test("for many ranges, ticks are multiples of a 1-2-5 step inside the range, and about as many as asked")
  func properties() {
    var state: UInt64 = 12345
    func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) * 0x1.0p-53
    }
    for _ in 0..<500 {
      let low = (next() - 0.5) * pow(10, 6 * next() - 3)
      let high = low + pow(10, 8 * next() - 4)
      let ticks = Ticks.linear(in: low...high, targetCount: 6)
      let step = Ticks.niceStep(span: high - low, targetCount: 6)
      let mantissa = step / pow(10, floor(log10(step) + 1e-9))
      #expect([1, 2, 5].contains { abs(mantissa - $0) < 1e-9 })
      // A 1-2-5 step is within a factor 2.5 of span/6, so 6/2.5 − 1 ≥ 1 … 6·2.5 + 1 = 16 ticks fit.
      #expect((2...16).contains(ticks.count))
      for tick in ticks {
        #expect(tick.value >= low - 1e-9 * step && tick.value <= high + 1e-9 * step)
        let k = tick.value / step
        #expect(abs(k - k.rounded()) < 1e-6)
      }
    }
  }

  @Test("log ticks on [1, 1000] are labelled decades with minor ticks 2…9")
  func decades() {
    let ticks = Ticks.log10(in: 1...1000)
    let majors = ticks.filter(\.isMajor)
    #expect(majors.map(\.label) == [.powerOfTen(0), .powerOfTen(1), .powerOfTen(2), .powerOfTen(3)])
    let minors = ticks.filter { !$0.isMajor }.map(\.value)
    #expect(minors.count == 24)
    let expected = [1.0, 10, 100].flatMap { d in (2...9).map { Double($0) * d } }
    // pow(10, k)·m is exact for these small integers.
    #expect(minors.sorted() == expected)
  }

  @Test("a log range over 16 decades labels every other decade, at most 8")
  func wideLogRange() {
    let ticks = Ticks.log10(in: 1e-3...1e12)
    let labelled = ticks.filter { $0.label != .none }
    #expect(labelled.count <= 8)
    #expect(labelled.map(\.label) == stride(from: -2, through: 12, by: 2).map { .powerOfTen($0) })
    #expect(ticks.count == 16)
  }

  @Test("a log range inside one decade falls back to linear labels")
  func subDecade() {
    #expect(Self.texts(Ticks.log10(in: 2...8)) == ["2", "3", "4", "5", "6", "7", "8"])
    #expect(Ticks.log10(in: 0.05...0.4).allSatisfy { $0.value > 0 } == true)
  }

  @Test("invalid ranges give no ticks")
  func invalid() {
    #expect(Ticks.log10(in: -1...10).isEmpty)
    #expect(Ticks.linear(in: 1...1).isEmpty)
    #expect(Ticks.linear(in: 0...Double.infinity).isEmpty)
  }
}
