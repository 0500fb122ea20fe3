/// The arguments of one command after parsing, with typed accessors that raise ``UsageError``.
public struct ParsedArguments: Sendable {
  public let command: String
  public private(set) var values: [String: String] = [:]
  public private(set) var flags: Set<String> = []
  public private(set) var positionals: [String] = []

  /// Parses `arguments` (without the command names) against `spec`.
  /// Accepts `--name value`, `--name=value`, flags, and `--` before positionals that start with `-`.
  public init(_ arguments: [String], spec: CommandSpec) throws(UsageError) {
    command = spec.name
    var index = 0
    var onlyPositionals = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
        positionals.append(argument)
        continue
      }
      if argument == "--" {
        onlyPositionals = true
        continue
      }
      guard argument.hasPrefix("--") else {
        throw UsageError(command: spec.name, message: "unknown option '\(argument)'")
      }
      var name = String(argument.dropFirst(2))
      var inlineValue: String?
      if let equals = name.firstIndex(of: "=") {
        inlineValue = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      guard let option = spec.options.first(where: { $0.name == name }) else {
        throw UsageError(command: spec.name, message: "unknown option '--\(name)'")
      }
      if option.valueName == nil {
        guard inlineValue == nil else {
          throw UsageError(command: spec.name, message: "flag '--\(name)' takes no value")
        }
        flags.insert(name)
      } else if let inlineValue {
        values[name] = inlineValue
      } else {
        guard index < arguments.count else {
          throw UsageError(
            command: spec.name, message: "option '--\(name)' needs a value (\(option.valueName!))")
        }
        values[name] = arguments[index]
        index += 1
      }
    }
    let required = spec.positionals.filter { !$0.isOptional }.count
    if positionals.count < required {
      let missing = spec.positionals[positionals.count].name
      throw UsageError(command: spec.name, message: "missing argument \(missing)")
    }
    if positionals.count > spec.positionals.count {
      throw UsageError(
        command: spec.name, message: "unexpected argument '\(positionals[spec.positionals.count])'")
    }
  }

  /// Builds arguments directly (for commands that call one another).
  public init(command: String, values: [String: String], flags: Set<String> = [], positionals: [String] = [])
  {
    self.command = command
    self.values = values
    self.flags = flags
    self.positionals = positionals
  }

  public func flag(_ name: String) -> Bool { flags.contains(name) }

  public func string(_ name: String) -> String? { values[name] }

  public func positional(_ index: Int) -> String? { index < positionals.count ? positionals[index] : nil }

  public func int(_ name: String) throws(UsageError) -> Int? {
    guard let text = values[name] else { return nil }
    guard let value = Int(text) else { throw invalid(name, text, "an integer") }
    return value
  }

  public func double(_ name: String) throws(UsageError) -> Double? {
    guard let text = values[name] else { return nil }
    guard let value = Double(text), value.isFinite else { throw invalid(name, text, "a number") }
    return value
  }

  /// A comma-separated list of integers, e.g. `--widths 32,64,128`.
  public func intList(_ name: String) throws(UsageError) -> [Int]? {
    guard let text = values[name] else { return nil }
    var result: [Int] = []
    for part in text.split(separator: ",") {
      guard let value = Int(part.trimmingCharacters()) else {
        throw invalid(name, text, "a comma-separated list of integers")
      }
      result.append(value)
    }
    return result
  }

  /// A comma-separated list of words.
  public func stringList(_ name: String) -> [String]? {
    values[name].map { $0.split(separator: ",").map { String($0).trimmingCharacters() } }
  }

  /// One of a fixed set of words.
  public func choice<T: RawRepresentable>(_ name: String, as type: T.Type) throws(UsageError) -> T?
  where T.RawValue == String, T: CaseIterable {
    guard let text = values[name] else { return nil }
    guard let value = T(rawValue: text) else {
      throw invalid(name, text, "one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
    }
    return value
  }

  func invalid(_ name: String, _ text: String, _ expected: String) -> UsageError {
    UsageError(command: command, message: "option '--\(name)': '\(text)' is not \(expected)")
  }
}

extension StringProtocol {
  func trimmingCharacters() -> String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
