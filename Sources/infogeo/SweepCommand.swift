import CommandKit
import Datasets
import Foundation
import Workflows

/// `infogeo sweep [PLAN.json]`: expands a plan into runs under a sweep directory and executes them
/// with the local or the Slurm backend; given an existing sweep directory, resumes it.
enum SweepCommand: Command {
  static let axisSpecs: [OptionSpec] = [
    .value("widths", "LIST", "Hidden widths (every hidden layer of the MLP), e.g. 32,64,128."),
    .value("depths", "LIST", "Numbers of hidden layers of the MLP."),
    .value("seeds", "LIST", "Training seeds, e.g. 0,1,2."),
    .value("datasets", "LIST", "Datasets, e.g. mnist,fashion-mnist."),
    .value("training-sizes", "LIST", "Training-subset sizes (0: the whole set)."),
    .value("preset", "NAME", "A named plan: fss (widths 32…1024 × 3 seeds on the default experiment)."),
  ]

  static let sweepSpecs: [OptionSpec] = [
    .value("dir", "DIR", "The sweep directory; an existing one is resumed (default: sweeps/NAME-TIME)."),
    .value("name", "NAME", "Name of the sweep (default: the plan's, else 'sweep')."),
    .value("backend", "NAME", "local or slurm.", default: "local"),
    .value(
      "workers", "N", "Local backend: runs at once; each gets cores/N threads.", default: "one per core"),
    .value("partition", "NAME", "Slurm: partition (default: the cluster's)."),
    .value("time", "HH:MM:SS", "Slurm: time limit per run.", default: "01:00:00"),
    .value("cpus-per-task", "N", "Slurm: CPUs per run, also its threads.", default: "1"),
    .value("mem", "SIZE", "Slurm: memory per run.", default: "4G"),
    .flag("no-wait", "Slurm: submit and return without following the job."),
    .flag("dry-run", "Write sweep.json and list the runs; run nothing."),
    .flag("quiet", "No status table."),
  ]

  static let spec = CommandSpec(
    name: "sweep", abstract: "Run a sweep of trainings (widths × depths × seeds × …) locally or on Slurm.",
    positionals: [PositionalSpec("PLAN", "a JSON plan file", optional: true)],
    options: axisSpecs + sweepSpecs + RunOptions.specs,
    discussion: """
      Every run is a normal run directory under DIR/runs, trained, analysed and reported; DIR/sweep.json \
      lists the plan and the runs with their resolved configurations and statuses. Any option of \
      'infogeo train' sets the base of every run. A plan file holds the same: {"name": "w", "widths": \
      [16, 32], "seeds": [0, 1], "depths": [2], "datasets": ["fashion-mnist"], "trainingSamples": [500], \
      "base": {"epochs": 3}}; command-line axes and options win over it. Runs already done are skipped, \
      so rerunning 'infogeo sweep --dir DIR' resumes a sweep; a failing run is tried twice. See also \
      'infogeo sweep status DIR' and 'infogeo scaling DIR'.
      """)

  static func validate(_ arguments: ParsedArguments) throws(UsageError) {
    _ = try backend(arguments)
    _ = try slurmSettings(arguments)
    if let w = try arguments.int("workers"), w < 1 {
      throw UsageError(command: spec.name, message: "--workers must be positive")
    }
    if let p = arguments.string("preset"), SweepPreset(rawValue: p) == nil {
      throw UsageError(
        command: spec.name,
        message:
          "option '--preset': '\(p)' is not one of \(SweepPreset.allCases.map(\.rawValue).joined(separator: ", "))"
      )
    }
  }

  static func backend(_ a: ParsedArguments) throws(UsageError) -> SweepManifest.Backend {
    try a.choice("backend", as: SweepManifest.Backend.self) ?? .local
  }

  static func slurmSettings(_ a: ParsedArguments) throws(UsageError) -> SweepSlurmBackend.Settings {
    var s = SweepSlurmBackend.Settings()
    s.partition = a.string("partition")
    if let t = a.string("time") { s.time = t }
    if let m = a.string("mem") { s.memory = m }
    if let c = try a.int("cpus-per-task") {
      guard c > 0 else { throw UsageError(command: spec.name, message: "--cpus-per-task must be positive") }
      s.cpusPerTask = c
    }
    return s
  }

  /// The plan: the preset or the plan file, then the axes and base options of the command line.
  static func plan(_ arguments: ParsedArguments) throws -> SweepPlan? {
    let merged = try RunOptions.mergingConfigFile(arguments)
    var plan: SweepPlan?
    if let preset = arguments.string("preset").flatMap(SweepPreset.init(rawValue:)) { plan = preset.plan }
    if let path = arguments.positional(0) { plan = try SweepPlan.read(URL(fileURLWithPath: path)) }
    let base = RunOptions.specs.filter {
      $0.name != "config" && (merged.string($0.name) != nil || merged.flag($0.name))
    }
    let axes = axisSpecs.filter { $0.name != "preset" && arguments.string($0.name) != nil }
    if plan == nil && (base.isEmpty && axes.isEmpty) { return nil }
    var p = plan ?? SweepPlan()
    if let w = try arguments.intList("widths") { p.widths = w }
    if let d = try arguments.intList("depths") { p.depths = d }
    if let n = try arguments.intList("training-sizes") { p.trainingSamples = n }
    if let s = arguments.stringList("seeds") {
      p.seeds = try s.map { text in
        guard let seed = UInt64(text) else {
          throw UsageError(
            command: spec.name, message: "option '--seeds': '\(text)' is not a non-negative integer")
        }
        return seed
      }
    }
    if let names = arguments.stringList("datasets") {
      p.datasets = try names.map { name in
        guard let kind = DatasetKind(rawValue: name) else {
          throw UsageError(command: spec.name, message: "option '--datasets': '\(name)' is not a dataset")
        }
        return kind
      }
    }
    for option in base {
      if option.valueName == nil {
        if !p.flags.contains(option.name) { p.flags.append(option.name) }
      } else {
        p.base[option.name] = merged.string(option.name)
      }
    }
    if let name = arguments.string("name") { p.name = name }
    return p
  }

  /// The directory and manifest: an existing sweep (checked against the plan, if one is given) or
  /// a new one.
  static func prepare(_ arguments: ParsedArguments, cores: Int) throws -> (URL, SweepManifest) {
    let backend = try backend(arguments)
    let workers = try arguments.int("workers") ?? cores
    let threads =
      backend == .slurm ? try slurmSettings(arguments).cpusPerTask : max(1, cores / max(1, workers))
    let plan = try plan(arguments)
    if let dir = arguments.string("dir"),
      FileManager.default.fileExists(atPath: SweepManifest.url(in: URL(fileURLWithPath: dir)).path)
    {
      let sweep = URL(fileURLWithPath: dir, isDirectory: true).standardizedFileURL
      let manifest = try SweepManifest.read(from: sweep)
      if let plan, plan != manifest.plan {
        throw SweepError.directory(
          path: sweep.path,
          problem: "holds a different sweep; give no plan to resume it, or choose another --dir")
      }
      return (sweep, manifest)
    }
    guard let plan else {
      throw UsageError(command: spec.name, message: "give a PLAN file, a --preset, or axes such as --widths")
    }
    let runs = try plan.expand(threads: threads)
    let sweep: URL
    if let dir = arguments.string("dir") {
      sweep = URL(fileURLWithPath: dir, isDirectory: true).standardizedFileURL
    } else {
      let parent = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(
        "sweeps")
      sweep = try RunDirectory.create(under: parent, name: plan.name).url
    }
    let manifest = SweepManifest(plan: plan, backend: backend, runs: runs)
    try manifest.write(to: sweep)
    return (sweep, manifest)
  }

  static func run(_ arguments: ParsedArguments) throws {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let (sweep, manifest) = try prepare(arguments, cores: cores)
    let display = SweepStatusDisplay(quiet: arguments.flag("quiet"))
    display.event("sweep \(sweep.path): \(manifest.runs.count) run(s)")
    if arguments.flag("dry-run") {
      for run in manifest.runs {
        print(
          "\(run.index)\t\(run.name)\t\(run.configuration.model)\tseed \(run.configuration.training.seed)")
      }
      return
    }
    let executable = try executableURL()
    switch try backend(arguments) {
    case .local:
      let workers = try arguments.int("workers") ?? cores
      let report = try SweepLocalBackend(executable: executable, workers: workers).execute(
        sweep: sweep, display: display)
      print(sweep.path)
      if !report.failed.isEmpty { throw SweepError.runsFailed(report.failed.keys.sorted()) }
    case .slurm:
      let backend = SweepSlurmBackend(executable: executable, settings: try slurmSettings(arguments))
      guard let job = try backend.submit(sweep: sweep) else {
        display.event("every run is done")
        print(sweep.path)
        return
      }
      display.event("submitted Slurm job \(job)")
      if arguments.flag("no-wait") {
        print(sweep.path)
        return
      }
      let final = try SweepSlurmBackend.follow(job: job, sweep: sweep, display: display)
      print(sweep.path)
      let failed = final.runs.filter { $0.status != .done }.map(\.name)
      if !failed.isEmpty { throw SweepError.runsFailed(failed) }
    }
  }

  /// This executable, for the workers and the sbatch script.
  static func executableURL() throws -> URL {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return URL(fileURLWithPath: path)
    }
    return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
  }
}

/// `infogeo sweep task SWEEP INDEX`: one run of a sweep (what the workers and Slurm array tasks run).
enum SweepTaskCommand: Command {
  static let spec = CommandSpec(
    name: "sweep task",
    abstract: "(internal) Train, analyse and report run INDEX of a sweep, unless it is done.",
    positionals: [
      PositionalSpec("SWEEP", "a sweep directory"), PositionalSpec("INDEX", "the run's index (0-based)"),
    ],
    options: [.flag("quiet", "No progress output.")],
    discussion: "Run by the local workers and the Slurm array tasks; idempotent: a done run is skipped.")

  static func run(_ arguments: ParsedArguments) throws {
    guard let text = arguments.positional(1), let index = Int(text) else {
      throw UsageError(command: spec.name, message: "INDEX must be an integer")
    }
    let sweep = URL(fileURLWithPath: arguments.positional(0)!, isDirectory: true)
    let progress = ProgressReporter.standard(quiet: arguments.flag("quiet"))
    switch try SweepTask.execute(sweep: sweep, index: index, progress: progress) {
    case .skipped: progress.message("run \(index) is already done")
    case .completed(let done): progress.message(String(format: "run %d done in %.1f s", index, done.seconds))
    }
  }
}

/// `infogeo sweep status SWEEP`: the status of every run, for either backend.
enum SweepStatusCommand: Command {
  static let spec = CommandSpec(
    name: "sweep status",
    abstract: "Show the status of every run of a sweep (done, running, failed, pending).",
    positionals: [PositionalSpec("SWEEP", "a sweep directory")],
    options: [.flag("json", "Print sweep.json, refreshed, on stdout.")],
    discussion:
      "Reads the task files of the runs (and squeue for a Slurm sweep) and rewrites the statuses in sweep.json."
  )

  static func run(_ arguments: ParsedArguments) throws {
    let sweep = URL(fileURLWithPath: arguments.positional(0)!, isDirectory: true)
    let manifest = try SweepManifest.read(from: sweep).refreshed(in: sweep)
    try manifest.write(to: sweep)
    if arguments.flag("json") {
      FileHandle.standardOutput.write(try JSON.encode(manifest))
      return
    }
    let queue = manifest.slurmJobs.last.map(SweepSlurmBackend.queued(job:)) ?? [:]
    var counts = SweepStatusDisplay.Counts()
    var lines: [String] = []
    for run in manifest.runs {
      let state = SweepRunState.read(SweepManifest.directory(of: run, in: sweep))
      var status = run.status.rawValue
      if run.status != .done, let queued = queue[run.index] { status = "slurm:\(queued.lowercased())" }
      switch run.status {
      case .done: counts.done += 1
      case .running: counts.running += 1
      case .failed: counts.failed += 1
      case .pending: counts.pending += 1
      }
      var detail = ""
      if let done = state.done {
        detail =
          String(format: "%.0f s", done.seconds)
          + (done.markerStep.map { String(format: "  t_c %.0f", $0) } ?? "  no marker")
      } else if let failure = state.failure, run.status == .failed {
        detail = failure.error.split(separator: "\n").first.map(String.init) ?? ""
      }
      lines.append(
        "\(run.index)".padding(toLength: 5, withPad: " ", startingAt: 0)
          + run.name.padding(toLength: 28, withPad: " ", startingAt: 0)
          + status.padding(toLength: 16, withPad: " ", startingAt: 0) + detail)
    }
    print(lines.joined(separator: "\n"))
    print(SweepStatusDisplay.summary(counts, meanSeconds: nil, workers: 1))
  }
}
