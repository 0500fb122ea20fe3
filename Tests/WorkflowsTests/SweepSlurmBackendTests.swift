import Foundation
import Testing
import Workflows

@Suite("SweepSlurmBackend")
struct SweepSlurmBackendTests {
  @Test(
    "the --array value lists consecutive indices as ranges",
    arguments: [
      ([0, 1, 2, 3], "0-3"), ([5], "5"), ([9, 0, 1, 2, 5, 7, 8], "0-2,5,7-9"), ([3, 3, 4], "3-4"), ([], ""),
    ])
  func arraySpec(indices: [Int], expected: String) {
    #expect(SweepSlurmBackend.arraySpec(indices) == expected)
  }

  @Test("the sbatch script asks for the array and the resources, and runs each task twice at most")
  func script() {
    let backend = SweepSlurmBackend(
      executable: URL(fileURLWithPath: "/opt/infogeo/bin/infogeo"),
      settings: .init(partition: "short", time: "00:30:00", cpusPerTask: 4, memory: "8G"))
    let text = backend.script(
      sweep: URL(fileURLWithPath: "/data/my sweep"), name: "fss", indices: [0, 1, 2, 5])
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.first == "#!/bin/bash")
    for expected in [
      "#SBATCH --job-name=infogeo-fss", "#SBATCH --array=0-2,5", "#SBATCH --cpus-per-task=4",
      "#SBATCH --mem=8G",
      "#SBATCH --time=00:30:00", "#SBATCH --partition=short",
      "#SBATCH --output='/data/my sweep/slurm/task-%a.out'",
    ] {
      #expect(lines.contains(expected), "missing \(expected)")
    }
    let task = "/opt/infogeo/bin/infogeo sweep task '/data/my sweep' \"$SLURM_ARRAY_TASK_ID\""
    #expect(lines.last == "\(task) || \(task)")
  }

  @Test("without a partition the script leaves the cluster's default")
  func noPartition() {
    let backend = SweepSlurmBackend(executable: URL(fileURLWithPath: "/bin/infogeo"), settings: .init())
    let text = backend.script(sweep: URL(fileURLWithPath: "/s"), name: "x", indices: [0])
    #expect(!text.contains("--partition") && text.contains("#SBATCH --cpus-per-task=1\n#SBATCH --mem=4G\n"))
  }
}
