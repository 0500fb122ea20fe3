import Foundation
import Testing

@testable import Formats

@Suite("TensorBoardEventWriter")
struct TensorBoardEventWriterTests {
  @Test("writes the version record, then one event per scalar or histogram")
  func events() throws {
    let directory = try TemporaryDirectory()
    let logs = directory.url.appendingPathComponent("tb")
    let writer = try TensorBoardEventWriter(directory: logs, hostname: "host", wallTime: 1_700_000_000.25)
    #expect(writer.url.lastPathComponent == "events.out.tfevents.1700000000.host")
    try writer.addScalar(tag: "loss", value: 0.5, step: 1, wallTime: 1_700_000_001)
    try writer.addHistogram(
      tag: "w", edges: [-1, 0, 1], counts: [2, 1], min: -0.5, max: 0.5, sum: -0.5, sumSquares: 0.75, step: 1,
      wallTime: 1_700_000_002)
    try writer.flush()

    let records = try TFRecord.records(in: Data(contentsOf: writer.url), file: "events")
    let expected = [
      TensorBoardEvent(wallTime: 1_700_000_000.25, step: 0, content: .fileVersion("brain.Event:2")),
      TensorBoardEvent(
        wallTime: 1_700_000_001, step: 1, content: .summary([.init(tag: "loss", kind: .simpleValue(0.5))])),
      TensorBoardEvent(
        wallTime: 1_700_000_002, step: 1,
        content: .summary([
          .init(
            tag: "w",
            kind: .histogram(
              .init(
                min: -0.5, max: 0.5, num: 3, sum: -0.5, sumSquares: 0.75, bucketLimits: [0, 1],
                buckets: [2, 1])))
        ])),
    ]
    #expect(records.map { [UInt8]($0) } == expected.map(\.encoded))
  }

  @Test("records pending at release are flushed")
  func flushOnRelease() throws {
    let directory = try TemporaryDirectory()
    var url: URL?
    do {
      let writer = try TensorBoardEventWriter(directory: directory.url, hostname: "h", wallTime: 1)
      try writer.addScalar(tag: "x", value: 1, step: 2, wallTime: 3)
      url = writer.url
    }
    let records = try TFRecord.records(in: Data(contentsOf: try #require(url)), file: "events")
    #expect(records.count == 2)
  }
}
