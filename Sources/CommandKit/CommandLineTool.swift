/// A command of the tool: its spec and what it does with parsed arguments.
public protocol Command {
  static var spec: CommandSpec { get }
  /// Checks option combinations before anything runs; throws ``UsageError``.
  static func validate(_ arguments: ParsedArguments) throws(UsageError)
  /// Does the work. Errors other than ``UsageError`` are runtime failures (exit 1).
  static func run(_ arguments: ParsedArguments) throws
}

extension Command {
  public static func validate(_ arguments: ParsedArguments) throws(UsageError) {}
}

/// Dispatches `tool <command> [<subcommand>] [options]` to commands, prints help and errors.
public struct CommandLineTool {
  public var name: String
  public var abstract: String
  /// Commands by name; a name may contain a space for a nested command (`datasets download`).
  public var commands: [any Command.Type]

  public init(name: String, abstract: String, commands: [any Command.Type]) {
    self.name = name
    self.abstract = abstract
    self.commands = commands
  }

  /// Runs the tool; returns the exit status. `output` and `errorOutput` receive text.
  public func main(
    _ arguments: [String], output: (String) -> Void, errorOutput: (String) -> Void
  ) -> Int32 {
    let specs = commands.map { $0.spec }
    guard let first = arguments.first, first != "--help", first != "help" else {
      output(HelpFormatter.overview(toolName: name, abstract: abstract, commands: specs))
      return arguments.isEmpty ? ExitCode.usage : ExitCode.success
    }
    // The longest command name that prefixes the arguments wins (`datasets download` over `datasets`).
    let match = commands.enumerated()
      .map { ($0.element, $0.element.spec.name.split(separator: " ").map(String.init)) }
      .filter { Array(arguments.prefix($0.1.count)) == $0.1 }
      .max { $0.1.count < $1.1.count }
    guard let (command, words) = match else {
      errorOutput("\(name): unknown command '\(first)'\nRun '\(name) --help' for the list of commands.\n")
      return ExitCode.usage
    }
    let rest = Array(arguments.dropFirst(words.count))
    if rest.contains("--help") {
      output(HelpFormatter.help(for: command.spec, toolName: name))
      return ExitCode.success
    }
    do {
      let parsed = try ParsedArguments(rest, spec: command.spec)
      try command.validate(parsed)
      try command.run(parsed)
      return ExitCode.success
    } catch let error as UsageError {
      errorOutput("\(name) \(error)\nRun '\(name) \(command.spec.name) --help' for usage.\n")
      return ExitCode.usage
    } catch {
      errorOutput("\(name) \(command.spec.name): \(error)\n")
      return ExitCode.failure
    }
  }
}
