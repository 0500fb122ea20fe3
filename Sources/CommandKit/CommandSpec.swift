/// One option of a command: `--name VALUE` or, without `valueName`, a flag `--name`.
public struct OptionSpec: Sendable {
  public var name: String
  public var valueName: String?
  public var help: String
  /// Shown in the help text; the command applies it when the option is absent.
  public var defaultValue: String?

  /// An option that takes a value.
  public static func value(
    _ name: String, _ valueName: String, _ help: String, default defaultValue: String? = nil
  )
    -> OptionSpec
  {
    OptionSpec(name: name, valueName: valueName, help: help, defaultValue: defaultValue)
  }

  /// A boolean flag.
  public static func flag(_ name: String, _ help: String) -> OptionSpec {
    OptionSpec(name: name, valueName: nil, help: help, defaultValue: nil)
  }
}

/// A positional argument.
public struct PositionalSpec: Sendable {
  public var name: String
  public var help: String
  public var isOptional: Bool

  public init(_ name: String, _ help: String, optional: Bool = false) {
    self.name = name
    self.help = help
    isOptional = optional
  }
}

/// What a command accepts, and the text of its `--help`.
public struct CommandSpec: Sendable {
  public var name: String
  public var abstract: String
  public var discussion: String
  public var positionals: [PositionalSpec]
  public var options: [OptionSpec]

  public init(
    name: String, abstract: String, positionals: [PositionalSpec] = [], options: [OptionSpec] = [],
    discussion: String = ""
  ) {
    self.name = name
    self.abstract = abstract
    self.discussion = discussion
    self.positionals = positionals
    self.options = options
  }
}
