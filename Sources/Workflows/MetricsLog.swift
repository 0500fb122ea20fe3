import Formats
import Foundation

/// Appends each evaluation to metrics.csv and flushes it, so an interrupted run keeps its curves.
public final class MetricsLog: EvaluationObserver {
  public static let header = [
    "step", "epoch", "learning_rate", "train_loss", "train_accuracy", "test_loss", "test_accuracy",
    "validation_loss", "validation_accuracy",
  ]

  private let writer: CSVWriter
  public private(set) var records: [EvaluationMetrics] = []

  public init(creating url: URL) throws {
    writer = try CSVWriter(creating: url, header: Self.header)
  }

  public func trainerDidEvaluate(_ m: EvaluationMetrics) -> TrainingDecision {
    records.append(m)
    let values: [Double] = [
      Double(m.step), Double(m.epoch), m.learningRate, m.trainLoss, m.trainAccuracy, m.testLoss,
      m.testAccuracy,
      m.validationLoss ?? .nan, m.validationAccuracy ?? .nan,
    ]
    do {
      try writer.write(values)
      try writer.flush()
    } catch {
      return .stop(reason: "cannot write metrics.csv: \(error)")
    }
    return .proceed
  }

  /// metrics.csv if the run has one (a checkpoint analysis has none), else no metrics.
  public static func readIfPresent(_ url: URL) throws -> [EvaluationMetrics] {
    FileManager.default.fileExists(atPath: url.path) ? try read(url) : []
  }

  /// Reads metrics.csv back (tolerating a truncated last line).
  public static func read(_ url: URL) throws -> [EvaluationMetrics] {
    let columns = try CSVReader(contentsOf: url).columns()
    func column(_ name: String) throws -> [Double] {
      guard let c = columns[name] else {
        throw RunDirectoryError(path: url.path, problem: "column '\(name)' is missing")
      }
      return c
    }
    let steps = try column("step")
    let (epoch, lr, tl, ta, sl, sa) = try (
      column("epoch"), column("learning_rate"), column("train_loss"), column("train_accuracy"),
      column("test_loss"), column("test_accuracy")
    )
    let vl = columns["validation_loss"]
    let va = columns["validation_accuracy"]
    return steps.indices.map { i in
      EvaluationMetrics(
        step: Int(steps[i]), epoch: Int(epoch[i]), learningRate: lr[i], trainLoss: tl[i],
        trainAccuracy: ta[i],
        testLoss: sl[i], testAccuracy: sa[i], validationLoss: vl.flatMap { $0[i].isNaN ? nil : $0[i] },
        validationAccuracy: va.flatMap { $0[i].isNaN ? nil : $0[i] })
    }
  }
}
