import Foundation

/// Timing of the transition analysis on a synthetic crossover (for `infogeo bench`).
///
/// The series: 600 log-spaced steps from 1 to 10⁵, ln L = x + (0.3 − 1)·0.3·softplus((x − ln 1000)/0.3)
/// plus a fixed deterministic ripple of amplitude 0.01 (no random generator needed).
public enum TransitionBenchmark {
  /// One measured case.
  public struct Timing: Codable, Sendable, Equatable {
    /// What was timed, e.g. "analysis tikhonov n=256".
    public var name: String
    /// Mean wall-clock seconds per run.
    public var seconds: Double
  }

  /// Times a full `TransitionAnalysis` (with its stability variants) for every method, and an
  /// online detector run, each `repetitions` times.
  public static func run(gridSize: Int = LogLogSeries.defaultGridSize, repetitions: Int = 3)
    throws(TransitionError)
    -> [Timing]
  {
    var steps: [Double] = []
    for i in 0..<600 {
      let t = pow(1e5, Double(i) / 599).rounded()
      if t > (steps.last ?? 0) { steps.append(t) }
    }
    let length = steps.enumerated().map { i, t -> Double in
      let x = log(t)
      let s = (x - log(1000.0)) / 0.3
      return exp(x - 0.7 * 0.3 * (s > 30 ? s : log1p(exp(s))) + 0.01 * sin(Double(i) * 2.399))
    }
    let curve = try InformationLengthCurve(steps: steps, length: length)
    let count = max(1, repetitions)
    func time(_ body: () throws(TransitionError) -> Void) throws(TransitionError) -> Double {
      let start = DispatchTime.now().uptimeNanoseconds
      for _ in 0..<count { try body() }
      return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 / Double(count)
    }
    var timings: [Timing] = []
    for method in DifferentiationMethod.allCases {
      let seconds = try time { () throws(TransitionError) in
        _ = try TransitionAnalysis(curve, options: .init(method: method, gridSize: gridSize))
      }
      timings.append(Timing(name: "analysis \(method.rawValue) n=\(gridSize)", seconds: seconds))
    }
    let online = try time { () throws(TransitionError) in
      var detector = try OnlineTransitionDetector()
      for (t, l) in zip(steps, length) where try detector.observe(step: t, length: l) != nil { break }
    }
    timings.append(Timing(name: "online detector to confirmation", seconds: online))
    return timings
  }
}
