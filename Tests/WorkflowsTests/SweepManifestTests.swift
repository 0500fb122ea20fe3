import Foundation
import Testing
import Workflows

@Suite("SweepManifest")
struct SweepManifestTests {
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test("round-trips through sweep.json: plan, runs, configurations, statuses, jobs")
  func roundTrip() throws {
    let sweep = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: sweep) }
    let plan = SweepPlan(name: "rt", widths: [16, 32], seeds: [3], base: ["epochs": "2"])
    var manifest = SweepManifest(plan: plan, backend: .slurm, runs: try plan.expand(threads: 1))
    manifest.slurmJobs = ["17"]
    manifest.runs[1].status = .failed
    try manifest.write(to: sweep)
    let read = try SweepManifest.read(from: sweep)
    #expect(read == manifest)
    #expect(read.runs.map(\.directory) == ["runs/000-w16-s3", "runs/001-w32-s3"])
  }

  @Test("statuses come from the task files: done.json wins, a newer attempt is running")
  func statusFromFiles() throws {
    let sweep = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: sweep) }
    let plan = SweepPlan(seeds: [0, 1, 2, 3])
    let manifest = SweepManifest(plan: plan, backend: .local, runs: try plan.expand(threads: 1))
    let now = Date()
    func write<T: Encodable>(_ value: T, _ run: Int, _ file: String) throws {
      let directory = SweepManifest.directory(of: manifest.runs[run], in: sweep)
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try JSON.encode(value).write(to: directory.appendingPathComponent(file))
    }
    let started = { (attempt: Int) in
      SweepRunState.Started(attempt: attempt, host: "h", processIdentifier: 1, startedAt: now)
    }
    // Run 0 done; run 1 failed on attempt 2; run 2 failed once and is running attempt 2; run 3 untouched.
    try write(started(1), 0, SweepRunState.startedFile)
    try write(
      SweepRunState.Done(attempt: 1, seconds: 3, steps: 10, markerStep: 5, finishedAt: now), 0,
      SweepRunState.doneFile)
    try write(started(2), 1, SweepRunState.startedFile)
    try write(SweepRunState.Failure(attempt: 2, error: "boom", failedAt: now), 1, SweepRunState.failureFile)
    try write(started(2), 2, SweepRunState.startedFile)
    try write(SweepRunState.Failure(attempt: 1, error: "boom", failedAt: now), 2, SweepRunState.failureFile)
    let statuses = manifest.refreshed(in: sweep).runs.map(\.status)
    #expect(statuses == [.done, .failed, .running, .pending])
    let state = SweepRunState.read(SweepManifest.directory(of: manifest.runs[1], in: sweep))
    #expect(state.attempts == 2 && state.failure?.error == "boom")
  }

  @Test("a directory without sweep.json is not a sweep")
  func missing() throws {
    let sweep = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: sweep) }
    #expect(throws: SweepError.self) { try SweepManifest.read(from: sweep) }
  }
}
