import Foundation
import Testing

/// Golden-file comparison for rendered output.
///
/// Goldens live in Tests/ReportingTests/Golden/ and are read through `Bundle.module`. They change
/// only on purpose: after a deliberate change to the renderer, run
///
///     REGENERATE_GOLDEN=1 swift test --filter ReportingTests
///
/// which writes the current output into the source tree (located through `#filePath`) instead of
/// comparing; review the diff with git, then run the tests again without the variable.
enum GoldenFile {
  static var regenerating: Bool { ProcessInfo.processInfo.environment["REGENERATE_GOLDEN"] == "1" }

  /// Expects `actual` to equal the golden file `name`, reporting the first differing line.
  static func check(
    _ actual: String, name: String, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    if regenerating {
      let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent(
        "Golden")
      try actual.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
      return
    }
    let url = try #require(
      Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Golden"),
      "golden file Golden/\(name) is missing; create it with REGENERATE_GOLDEN=1",
      sourceLocation: sourceLocation)
    let expected = try String(contentsOf: url, encoding: .utf8)
    guard actual != expected else { return }
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let line = a.indices.first { $0 < e.count && a[$0] != e[$0] } ?? min(a.count, e.count)
    let got = line < a.count ? String(a[line]) : "<end of output>"
    let want = line < e.count ? String(e[line]) : "<end of golden>"
    let message =
      "\(name) differs from its golden at line \(line + 1):\n  got:  \(got)\n  want: \(want)\n"
      + "(if the change is intended, rerun with REGENERATE_GOLDEN=1)"
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
  }
}
