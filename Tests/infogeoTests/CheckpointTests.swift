import Foundation
import Testing
import Workflows

@Suite(
  "analysing checkpoints", .serialized,
  .enabled(if: Infogeo.available && fashionInstalled, "needs the built executable and dataset-fashion-mnist"))
struct CheckpointTests {
  @Test("safetensors saved at every step give the same geometry offline as the live monitor")
  func liveEqualsOffline() throws {
    let parent = try Infogeo.temporaryDirectory()
    let trained = try Infogeo.run([
      "train", "--train-samples", "200", "--model", "mlp:24", "--epochs", "2", "--save-params", "1",
      "--quiet",
      "--threads", "1", "--runs-dir", parent.path,
    ])
    #expect(trained.status == 0, "\(trained.stderr)")
    let run = RunDirectory(
      URL(fileURLWithPath: trained.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
    let files = try FileManager.default.contentsOfDirectory(atPath: run.parameters.path).sorted()
    #expect(files.count == 9 && files.first == "step-00000000.safetensors")
    let offline = try Infogeo.run([
      "analyze", "--checkpoints", run.parameters.path, "--runs-dir", parent.path, "--quiet",
    ])
    #expect(offline.status == 0, "\(offline.stderr)")
    let created = try FileManager.default.contentsOfDirectory(at: parent, includingPropertiesForKeys: nil)
      .first { $0.lastPathComponent.hasPrefix("checkpoints-params") }
    let checkpointRun = RunDirectory(try #require(created))
    let live = try GeometrySeries.read(run.geometry)
    let replayed = try GeometrySeries.read(checkpointRun.geometry)
    #expect(live.groups.map(\.name) == replayed.groups.map(\.name))
    for (a, b) in zip(live.groups, replayed.groups) {
      #expect(a.steps == b.steps)
      for estimator in GeometrySeries.Estimator.allCases {
        #expect(a.lengths[estimator] == b.lengths[estimator], "\(a.name) \(estimator)")
      }
      #expect(a.means == b.means && a.standardDeviations == b.standardDeviations)
    }
    let report = try Infogeo.run(["report", checkpointRun.url.path, "--quiet"])
    #expect(report.status == 0, "\(report.stderr)")
  }

  @Test("a checkpoint directory without step numbers or with a damaged file is refused by name")
  func badCheckpoints() throws {
    let parent = try Infogeo.temporaryDirectory()
    let dir = parent.appendingPathComponent("ckpt")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try Data("nonsense".utf8).write(to: dir.appendingPathComponent("final.safetensors"))
    let noStep = try Infogeo.run(["analyze", "--checkpoints", dir.path, "--runs-dir", parent.path])
    #expect(noStep.status == 1 && noStep.stderr.contains("final.safetensors: no step number"))
    try FileManager.default.moveItem(
      at: dir.appendingPathComponent("final.safetensors"),
      to: dir.appendingPathComponent("step-3.safetensors"))
    let damaged = try Infogeo.run(["analyze", "--checkpoints", dir.path, "--runs-dir", parent.path])
    #expect(damaged.status == 1 && damaged.stderr.contains("step-3.safetensors"))
  }
}

@Suite("checkpoint file names")
struct CheckpointNameTests {
  @Test(
    "the step is the last run of digits in the name",
    arguments: [
      ("step-000120.safetensors", 120), ("ckpt_7.npz", 7), ("model.3.safetensors", 3),
      ("run2-step15.npy", 15),
    ])
  func steps(name: String, step: Int) {
    #expect(CheckpointSeries.step(fromFileName: name) == step)
  }

  @Test("a name without digits has no step")
  func noDigits() {
    #expect(CheckpointSeries.step(fromFileName: "final.safetensors") == nil)
  }
}
