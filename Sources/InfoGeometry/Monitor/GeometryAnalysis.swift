/// One stored snapshot of a model's parameters: its optimizer step and each tensor's values, in the
/// order of the analysis's tensor names.
public struct ParameterSnapshot<Scalar: HistogramScalar>: Sendable {
  /// Optimizer step t.
  public var step: Int
  /// Values of each tensor.
  public var tensors: [[Scalar]]

  /// A snapshot at `step`.
  public init(step: Int, tensors: [[Scalar]]) {
    self.step = step
    self.tensors = tensors
  }
}

/// The records of an offline analysis and the monitor that produced them (for its curves, warnings and
/// stored histograms).
public struct GeometryAnalysisResult {
  /// All records, in snapshot order, one per group per observed snapshot.
  public var records: [GeometryRecord]
  /// The monitor after the last snapshot.
  public var monitor: GeometryMonitor
}

/// Offline information geometry over stored snapshots (checkpoints from any framework).
///
/// Feeds the snapshots, in order, through the same ``GeometryMonitor`` as a live run, so the numbers equal
/// the live ones for the same snapshots and configuration. With ``GridPolicy/globalRange`` a first pass
/// takes each group's range over all snapshots, and that fixed range is the grid.
public enum GeometryAnalysis {
  /// Analyses `snapshots` (steps increasing; every snapshot with the tensors of `tensorNames`, equal sizes
  /// throughout). Throws ``GeometryError/layoutMismatch(_:)`` on inconsistent snapshots.
  public static func run<Scalar: HistogramScalar>(
    tensorNames: [String], snapshots: [ParameterSnapshot<Scalar>],
    configuration: GeometryConfiguration = GeometryConfiguration()
  ) throws(GeometryError) -> GeometryAnalysisResult {
    guard let first = snapshots.first else {
      throw .layoutMismatch("the offline analysis got no snapshots")
    }
    let counts = first.tensors.map(\.count)
    for s in snapshots where s.tensors.map(\.count) != counts {
      throw .layoutMismatch(
        "snapshot at step \(s.step) has tensor sizes \(s.tensors.map(\.count)), the first has \(counts)")
    }
    let monitor: GeometryMonitor
    if case .globalRange = configuration.gridPolicy {
      var ranges: [String: ClosedRange<Double>] = [:]
      for spec in configuration.groups {
        for (name, tensors) in try spec.resolve(against: tensorNames) {
          ranges[name] = globalRange(of: tensors, in: snapshots)
        }
      }
      monitor = try GeometryMonitor(
        tensorNames: tensorNames, elementCounts: counts, configuration: configuration, groupRanges: ranges)
    } else {
      monitor = try GeometryMonitor(
        tensorNames: tensorNames, elementCounts: counts, configuration: configuration)
    }
    var records: [GeometryRecord] = []
    for s in snapshots {
      records += try withBuffers(s.tensors) { buffers throws(GeometryError) in
        try monitor.observe(step: s.step, buffers: buffers)
      }
    }
    return GeometryAnalysisResult(records: records, monitor: monitor)
  }

  /// The smallest and largest finite value of the given tensors over all snapshots (0…0 if none is finite).
  private static func globalRange<Scalar: HistogramScalar>(
    of tensors: [Int], in snapshots: [ParameterSnapshot<Scalar>]
  ) -> ClosedRange<Double> {
    var lo = Double.infinity
    var hi = -Double.infinity
    for s in snapshots {
      for t in tensors {
        for x in s.tensors[t] where x.isFinite {
          lo = min(lo, Double(x))
          hi = max(hi, Double(x))
        }
      }
    }
    return lo <= hi ? lo...hi : 0...0
  }

  /// Calls `body` with buffers over every array, valid for the duration of the call.
  private static func withBuffers<Scalar, R>(
    _ arrays: [[Scalar]], _ body: ([UnsafeBufferPointer<Scalar>]) throws(GeometryError) -> R
  ) throws(GeometryError) -> R {
    var buffers: [UnsafeBufferPointer<Scalar>] = []
    func nest(_ i: Int) throws(GeometryError) -> R {
      if i == arrays.count { return try body(buffers) }
      return try arrays[i].withUnsafeBufferPointer { b throws(GeometryError) in
        buffers.append(b)
        return try nest(i + 1)
      }
    }
    return try nest(0)
  }
}
