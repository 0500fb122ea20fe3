import Foundation
import Testing
import Workflows

@Suite("SweepPlan")
struct SweepPlanTests {
  @Test("widths × seeds expand into named runs with the base options, seeds innermost")
  func widthsTimesSeeds() throws {
    let plan = SweepPlan(widths: [16, 32], seeds: [0, 1], base: ["train-samples": "200", "epochs": "3"])
    let runs = try plan.expand(threads: 2)
    #expect(runs.map(\.name) == ["000-w16-s0", "001-w16-s1", "002-w32-s0", "003-w32-s1"])
    #expect(runs.map(\.index) == [0, 1, 2, 3])
    #expect(runs.map(\.configuration.model.widths) == [[16, 16], [16, 16], [32, 32], [32, 32]])
    #expect(runs.map(\.configuration.training.seed) == [0, 1, 0, 1])
    for run in runs {
      #expect(run.configuration.trainingSamples == 200 && run.configuration.training.epochs == 3)
      #expect(run.configuration.threads == 2)
      #expect(run.configuration.dataset == .fashionMNIST)
    }
  }

  @Test("datasets, training sizes and depths vary in that order, each named in the run")
  func everyAxis() throws {
    let plan = SweepPlan(
      widths: [8], depths: [1, 3], datasets: [.mnist, .fashionMNIST], trainingSamples: [100, 0],
      base: ["threads": "1"])
    let runs = try plan.expand(threads: 4)
    #expect(runs.count == 8)
    #expect(runs[0].name == "000-mnist-n100-d1-w8" && runs[7].name == "007-fashion-mnist-n0-d3-w8")
    #expect(runs[1].configuration.model.widths == [8, 8, 8])
    #expect(runs[2].configuration.trainingSamples == nil, "0 means the whole training set")
    #expect(runs[4].configuration.dataset == .fashionMNIST)
    #expect(runs.allSatisfy { $0.configuration.threads == 1 }, "a base --threads wins over the backend's")
  }

  @Test("without axes the plan is the base run; depths alone keep the base width")
  func defaults() throws {
    let single = try SweepPlan(base: ["model": "mlp:64"]).expand(threads: 1)
    #expect(single.map(\.name) == ["000"] && single[0].configuration.model.widths == [64])
    let deep = try SweepPlan(depths: [3], base: ["model": "mlp:64"]).expand(threads: 1)
    #expect(deep[0].configuration.model.widths == [64, 64, 64])
  }

  @Test("rejects unknown base options, empty axes, widths on a CNN, and bad values")
  func rejects() {
    #expect(throws: SweepError.self) { try SweepPlan(base: ["bogus": "1"]).expand(threads: 1) }
    #expect(throws: SweepError.self) { try SweepPlan(widths: []).expand(threads: 1) }
    #expect(throws: SweepError.self) { try SweepPlan(widths: [0]).expand(threads: 1) }
    #expect(throws: SweepError.self) {
      try SweepPlan(widths: [8], base: ["model": "cnn:8"]).expand(threads: 1)
    }
    #expect(throws: (any Error).self) { try SweepPlan(base: ["epochs": "0"]).expand(threads: 1) }
  }

  @Test("reads a plan file whose base holds numbers, strings and flags")
  func readsFile() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString).json")
    defer { try? FileManager.default.removeItem(at: url) }
    try Data(
      """
      {"name": "w", "widths": [16, 32], "seeds": [0, 1], "datasets": ["mnist"], "trainingSamples": [300],
       "base": {"epochs": 3, "lr": 0.01, "eval": "every:5", "stop-at-transition": true, "nesterov": false}}
      """.utf8
    ).write(to: url)
    let plan = try SweepPlan.read(url)
    #expect(
      plan
        == SweepPlan(
          name: "w", widths: [16, 32], seeds: [0, 1], datasets: [.mnist], trainingSamples: [300],
          base: ["epochs": "3", "lr": "0.01", "eval": "every:5"], flags: ["stop-at-transition"]))
    #expect(try plan.expand(threads: 1).allSatisfy { $0.configuration.stopAtTransition })
  }

  @Test("a plan file with an unknown field or a wrongly typed axis is rejected with its name")
  func rejectsFile() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString).json")
    defer { try? FileManager.default.removeItem(at: url) }
    for (text, word) in [
      (#"{"width": [16]}"#, "width"), (#"{"seeds": ["a"]}"#, "seeds"), (#"{"datasets": ["x"]}"#, "x"),
    ] {
      try Data(text.utf8).write(to: url)
      #expect {
        try SweepPlan.read(url)
      } throws: { error in
        "\(error)".contains(word)
      }
    }
  }
}
