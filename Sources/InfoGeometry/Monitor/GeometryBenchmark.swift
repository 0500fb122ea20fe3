import Dispatch
import Foundation

/// Speed measurements of the geometry monitor, for `infogeo bench`. Figures depend on the build
/// (measure release builds) and on the machine's load.
public enum GeometryBenchmark {
  /// Throughput of ``GeometryMonitor/observe(step:tensors:)`` in values per second: one group of `count`
  /// Float32 values, histogram + all distances per call, best of `repetitions` calls after one warm-up,
  /// alternating two snapshots that differ by a small drift so every call computes a real step.
  /// `concurrent: false` bins on the calling thread only (to measure what the concurrency pays).
  public static func histogramThroughput(
    count: Int, configuration: GeometryConfiguration = GeometryConfiguration(), repetitions: Int = 5,
    concurrent: Bool = true
  ) throws(GeometryError) -> Double {
    let seconds = try observeSeconds(
      elementCounts: [count], configuration: configuration, repetitions: repetitions, concurrent: concurrent)
    return Double(count) / seconds
  }

  /// Tensor sizes of the reference MLP 784-512-512-10 (weights and biases, 669 706 values).
  public static let referenceMLPElementCounts = [784 * 512, 512, 512 * 512, 512, 512 * 10, 10]
  /// Tensor names of the reference MLP, in the order of ``referenceMLPElementCounts``.
  public static let referenceMLPTensorNames = [
    "layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias", "layers.2.weight",
    "layers.2.bias",
  ]

  /// Seconds per observe (best of `repetitions`) for tensors of the given sizes, named
  /// `referenceMLPTensorNames` when the counts are the reference MLP's, else `t0`, `t1`, ….
  public static func observeSeconds(
    elementCounts: [Int] = referenceMLPElementCounts,
    configuration: GeometryConfiguration = GeometryConfiguration(),
    repetitions: Int = 5, concurrent: Bool = true
  ) throws(GeometryError) -> Double {
    let names =
      elementCounts == referenceMLPElementCounts
      ? referenceMLPTensorNames : elementCounts.indices.map { "t\($0)" }
    let monitor = try GeometryMonitor(
      tensorNames: names, elementCounts: elementCounts, configuration: configuration)
    monitor.concurrent = concurrent
    var state: UInt64 = 0x0123_4567_89AB_CDEF
    let base = elementCounts.map { n in (0..<n).map { _ in Float(normal(&state)) * 0.05 } }
    let moved = base.map { t in t.map { $0 + 1e-4 } }
    var best = Double.infinity
    for call in 0...max(1, repetitions) {
      let snapshot = call % 2 == 0 ? base : moved
      let start = DispatchTime.now().uptimeNanoseconds
      try withBuffers(snapshot) { buffers throws(GeometryError) in
        _ = try monitor.observe(step: call + 1, tensors: buffers)
      }
      let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
      if call > 0 { best = min(best, elapsed) }
    }
    return best
  }

  private static func withBuffers(
    _ arrays: [[Float]], _ body: ([UnsafeBufferPointer<Float>]) throws(GeometryError) -> Void
  ) throws(GeometryError) {
    var buffers: [UnsafeBufferPointer<Float>] = []
    func nest(_ i: Int) throws(GeometryError) {
      if i == arrays.count { return try body(buffers) }
      try arrays[i].withUnsafeBufferPointer { b throws(GeometryError) in
        buffers.append(b)
        try nest(i + 1)
      }
    }
    try nest(0)
  }

  /// A standard normal draw (Box–Muller on SplitMix64 uniforms); benchmark data only.
  private static func normal(_ state: inout UInt64) -> Double {
    func uniform() -> Double {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      z ^= z >> 31
      return (Double(z >> 11) + 0.5) / 9_007_199_254_740_992
    }
    return (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
  }
}
