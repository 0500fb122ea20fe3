import Testing
import Workflows

@Suite("SweepStatusDisplay")
struct SweepStatusDisplayTests {
  @Test("the summary counts the runs; ETA = mean time × runs left / workers busy")
  func summary() {
    let c = SweepStatusDisplay.Counts(done: 3, running: 2, failed: 1, pending: 4)
    // 6 runs left at 60 s each over 2 workers: 180 s.
    #expect(
      SweepStatusDisplay.summary(c, meanSeconds: 60, workers: 2)
        == "done 3/10  running 2  failed 1  pending 4  ETA 3:00")
    // One run left keeps one worker busy whatever the pool: 60 s.
    let last = SweepStatusDisplay.Counts(done: 9, running: 1)
    #expect(SweepStatusDisplay.summary(last, meanSeconds: 60, workers: 8).hasSuffix("ETA 1:00"))
    #expect(!SweepStatusDisplay.summary(c, meanSeconds: nil, workers: 2).contains("ETA"))
  }
}
