/// One TensorBoard `Event` record: a file version line or a summary of tagged values at a step.
///
/// Messages (tensorflow/core/util/event.proto, framework/summary.proto):
/// `Event {wall_time=1 double, step=2 int64, file_version=3 string, summary=5 Summary}`,
/// `Summary {value=1 repeated Value}`, `Value {tag=1 string, simple_value=2 float, histo=5
/// HistogramProto}`. Encoded as proto3: `wall_time` and `step` are omitted when zero, while the
/// members of a `oneof` (`file_version`/`summary`, `simple_value`/`histo`) are always written.
public struct TensorBoardEvent: Equatable, Sendable {
  /// What the event carries.
  public enum Content: Equatable, Sendable {
    /// The first record of every file: `"brain.Event:2"`.
    case fileVersion(String)
    /// Tagged values.
    case summary([Value])
  }

  /// One tagged value of a summary.
  public struct Value: Equatable, Sendable {
    /// The value: a scalar (`simple_value`) or a histogram (`histo`).
    public enum Kind: Equatable, Sendable {
      /// A scalar, drawn as a line chart.
      case simpleValue(Float)
      /// A distribution, drawn as a histogram over steps.
      case histogram(TensorBoardHistogram)
    }

    /// The series name shown by TensorBoard, e.g. `"loss/train"`.
    public var tag: String
    /// The value.
    public var kind: Kind

    /// A tagged value.
    public init(tag: String, kind: Kind) {
      self.tag = tag
      self.kind = kind
    }

    var encoded: ProtobufWriter {
      var writer = ProtobufWriter()
      if !tag.isEmpty { writer.string(1, tag) }
      switch kind {
      case .simpleValue(let value): writer.float(2, value)
      case .histogram(let histogram): writer.message(5, histogram.encoded)
      }
      return writer
    }
  }

  /// The version string TensorBoard expects in the first record.
  public static let fileVersion = "brain.Event:2"

  /// Seconds since 1970-01-01 UTC.
  public var wallTime: Double
  /// The training step.
  public var step: Int64
  /// The version line or the summary.
  public var content: Content

  /// An event at `step`, stamped `wallTime` seconds since 1970.
  public init(wallTime: Double, step: Int64, content: Content) {
    self.wallTime = wallTime
    self.step = step
    self.content = content
  }

  /// The serialized `Event` message.
  public var encoded: [UInt8] {
    var writer = ProtobufWriter()
    if wallTime != 0 { writer.double(1, wallTime) }
    if step != 0 { writer.int64(2, step) }
    switch content {
    case .fileVersion(let version):
      writer.string(3, version)
    case .summary(let values):
      var summary = ProtobufWriter()
      for value in values { summary.message(1, value.encoded) }
      writer.message(5, summary)
    }
    return writer.bytes
  }
}
