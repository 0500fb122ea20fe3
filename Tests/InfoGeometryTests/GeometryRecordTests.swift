import Testing

@testable import InfoGeometry

@Suite("GeometryRecord")
struct GeometryRecordTests {
  @Test("CSV fields line up with the column names and round-trip the numbers")
  func columns() throws {
    let values = (0..<1_000).map { Float($0) / 1_000 }
    let monitor = try GeometryMonitor(tensorNames: ["w"], elementCounts: [1_000])
    try values.withUnsafeBufferPointer { _ = try monitor.observe(step: 1, tensors: [$0]) }
    let record = try values.map { $0 * 1.01 }.withUnsafeBufferPointer {
      try monitor.observe(step: 2, tensors: [$0])
    }[0]
    #expect(record.csvFields.count == GeometryRecord.csvColumns.count)
    #expect(record.numericFields.count == GeometryRecord.csvColumns.count - 7)
    let gamma = try #require(GeometryRecord.csvColumns.firstIndex(of: "gamma"))
    #expect(Double(record.csvFields[gamma]) == record.velocity)
    #expect(record.csvFields[0] == "all" && record.csvFields[1] == "2")
    #expect(monitor.latestRecords == [record])
  }
}
