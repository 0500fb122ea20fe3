import Dispatch
import Formats
import Foundation
import InfoGeometry
import NeuralNet

/// The geometry monitor attached to a training run: after every step it hands the live parameter
/// storage to ``GeometryMonitor`` (no copy), appends the records to geometry.csv, and — with
/// `stopAtTransition` — feeds the information length of the first group to the data-free
/// ``OnlineTransitionDetector``, stopping training when it confirms a transition.
///
/// Each observation runs in the background, on a serial queue, while the trainer computes the next
/// step's forward and backward passes (which only read the parameters); the trainer waits for it in
/// ``trainerWillUpdateParameters()`` before the optimizer changes them, so every observation sees exactly
/// the parameters of its step. The monitor, the CSV writer and the detector are touched only by that
/// queue's work, or by the caller after waiting for it (every public member waits first).
public final class GeometryLog: StepObserver, @unchecked Sendable {
  /// The monitor; read it after ``finish()``.
  public let monitor: GeometryMonitor
  private let writer: CSVWriter?
  private let buffers: [UnsafeBufferPointer<Float>]
  private var detector: OnlineTransitionDetector?
  private var detectorConfirmation: OnlineTransitionDetector.Confirmation?
  private var lastFlush = Date()
  private let queue = DispatchQueue(label: "infogeo.geometry-log")
  /// The observation in progress and the decision it will bring.
  private var pending: DispatchWorkItem?
  private var pendingDecision = TrainingDecision.proceed

  /// The detector's confirmation, once it has confirmed a transition.
  public var confirmation: OnlineTransitionDetector.Confirmation? {
    waitForObservation()
    return detectorConfirmation
  }

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

  /// Starts the observation of `step` in the background (see the type's notes); its decision comes from
  /// the next ``trainerWillUpdateParameters()``.
  public func trainerDidStep(_ step: Int, epoch: Int, model: any Layer) -> TrainingDecision {
    let previous = trainerWillUpdateParameters()
    guard monitor.shouldObserve(step: step) else { return previous }
    let work = DispatchWorkItem { [self] in pendingDecision = observe(step: step) }
    pending = work
    queue.async(execute: work)
    return previous
  }

  /// Waits for the observation in progress and hands over its decision.
  public func trainerWillUpdateParameters() -> TrainingDecision {
    waitForObservation()
    defer { pendingDecision = .proceed }
    return pendingDecision
  }

  private func waitForObservation() {
    pending?.wait()
    pending = nil
  }

  /// Records `step` and feeds the detector.
  private func observe(step: Int) -> TrainingDecision {
    do {
      let records = try record(step: step)
      if var d = detector, let primary = records.first, primary.length > 0 {
        if let c = try d.observe(step: Double(step), length: primary.length) {
          detectorConfirmation = c
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

  /// Waits for the observation in progress and flushes geometry.csv to disk.
  public func finish() throws {
    waitForObservation()
    try writer?.flush()
  }
}
