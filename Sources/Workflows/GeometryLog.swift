import Formats
import Foundation
import InfoGeometry
import NeuralNet

/// The geometry monitor attached to a training run: after every step it hands the live parameter
/// storage to ``GeometryMonitor`` (no copy), appends the records to geometry.csv, and — with
/// `stopAtTransition` — feeds the information length of the first group to the data-free
/// ``OnlineTransitionDetector``, stopping training when it confirms a transition.
public final class GeometryLog: StepObserver {
  public let monitor: GeometryMonitor
  private let writer: CSVWriter?
  private let buffers: [UnsafeBufferPointer<Float>]
  private var detector: OnlineTransitionDetector?
  public private(set) var confirmation: OnlineTransitionDetector.Confirmation?
  private var lastFlush = Date()

  /// - Parameters:
  ///   - parameters: the model's named parameters; their storage is read in place at every step.
  ///   - csv: where to append the records; nil keeps none (benchmarks).
  ///   - detector: the online detector, when training should stop at the transition.
  public init(
    parameters: [NamedParameter], configuration: GeometryConfiguration, csv url: URL?,
    detector: OnlineTransitionDetector? = nil
  ) throws {
    monitor = try GeometryMonitor(
      tensorNames: parameters.map(\.name), elementCounts: parameters.map { $0.parameter.value.count },
      configuration: configuration)
    buffers = parameters.map { UnsafeBufferPointer($0.parameter.value.buffer) }
    writer = try url.map { try CSVWriter(creating: $0, header: GeometryRecord.csvColumns) }
    self.detector = detector
  }

  /// Observes the initial parameters (step 0 is not on the log-t axis, but the first distance
  /// is measured from it).
  public func observeInitial() throws {
    try record(step: 0)
  }

  public func trainerDidStep(_ step: Int, epoch: Int, model: any Layer) -> TrainingDecision {
    guard monitor.shouldObserve(step: step) else { return .proceed }
    do {
      let records = try record(step: step)
      if var d = detector, let primary = records.first, primary.length > 0 {
        if let c = try d.observe(step: Double(step), length: primary.length) {
          confirmation = c
          detector = nil
          return .stop(
            reason:
              "transition confirmed (minimum of d²log L/dlog t² at step \(Int(c.minimumStep.rounded())))")
        }
        detector = d
      }
    } catch {
      return .stop(reason: "geometry monitor failed: \(error)")
    }
    return .proceed
  }

  @discardableResult
  private func record(step: Int) throws -> [GeometryRecord] {
    let records = try monitor.observe(step: step, tensors: buffers)
    guard let writer else { return records }
    for r in records { try writer.write(r.csvFields) }
    if Date().timeIntervalSince(lastFlush) > 2 {
      try writer.flush()
      lastFlush = Date()
    }
    return records
  }

  /// Flushes geometry.csv to disk.
  public func finish() throws { try writer?.flush() }
}
