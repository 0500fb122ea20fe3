/// Formats `--help` text: usage line, abstract, arguments, options with defaults, discussion.
public enum HelpFormatter {
  public static func help(for spec: CommandSpec, toolName: String) -> String {
    var lines: [String] = []
    let positionals = spec.positionals.map { $0.isOptional ? "[\($0.name)]" : $0.name }
    let usage = ([toolName, spec.name] + (spec.options.isEmpty ? [] : ["[options]"]) + positionals)
      .filter { !$0.isEmpty }.joined(separator: " ")
    lines.append("USAGE: \(usage)")
    lines.append("")
    lines.append(spec.abstract)
    if !spec.positionals.isEmpty {
      lines.append("")
      lines.append("ARGUMENTS:")
      lines += spec.positionals.map { row($0.name, $0.help) }
    }
    let options = spec.options + [.flag("help", "Show this help and exit.")]
    lines.append("")
    lines.append("OPTIONS:")
    for option in options {
      let left = "--\(option.name)" + (option.valueName.map { " \($0)" } ?? "")
      let help = option.help + (option.defaultValue.map { " (default: \($0))" } ?? "")
      lines.append(row(left, help))
    }
    if !spec.discussion.isEmpty {
      lines.append("")
      lines.append(spec.discussion)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A list of subcommands with their abstracts, for the tool's top-level help.
  public static func overview(toolName: String, abstract: String, commands: [CommandSpec]) -> String {
    var lines = ["USAGE: \(toolName) <command> [options]", "", abstract, "", "COMMANDS:"]
    lines += commands.map { row($0.name, $0.abstract) }
    lines += ["", "Run '\(toolName) <command> --help' for a command's options."]
    return lines.joined(separator: "\n") + "\n"
  }

  static func row(_ left: String, _ right: String) -> String {
    let column = 28
    let padded = "  " + left
    if padded.count < column - 1 {
      return padded + String(repeating: " ", count: column - padded.count) + right
    }
    return padded + "\n" + String(repeating: " ", count: column) + right
  }
}
