import Foundation

/// Runs the built `infogeo` executable, as a user would, and captures what it prints.
enum Infogeo {
  /// The executable next to the test bundle (`swift test` builds every product first).
  static let url: URL? = {
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = directory.appendingPathComponent("infogeo")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      directory = directory.deletingLastPathComponent()
    }
    return nil
  }()

  static var available: Bool { url != nil }

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs `infogeo arguments…` to completion.
  static func run(_ arguments: [String]) throws -> Result {
    let process = try start(arguments)
    let out = process.standardOutput as! Pipe
    let err = process.standardError as! Pipe
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// Starts `infogeo arguments…` and returns the running process (stdout and stderr are pipes).
  static func start(_ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    process.standardOutput = Pipe()
    process.standardError = Pipe()
    process.standardInput = FileHandle.nullDevice
    try process.run()
    return process
  }

  /// A fresh temporary directory.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "infogeo-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
