/// A mistake in how a command was called. The tool prints it with a hint and exits with 64
/// (`EX_USAGE` from sysexits.h); failures while running exit with 1.
public struct UsageError: Error, CustomStringConvertible, Equatable, Sendable {
  public var command: String
  public var message: String

  public init(command: String, message: String) {
    self.command = command
    self.message = message
  }

  public var description: String { "\(command): \(message)" }
}

/// Exit statuses of the tool.
public enum ExitCode {
  public static let success: Int32 = 0
  public static let failure: Int32 = 1
  public static let usage: Int32 = 64
}
