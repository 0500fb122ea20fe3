import CommandKit
import Testing

enum Echo: Command {
  static let spec = CommandSpec(
    name: "echo", abstract: "Print the word.", positionals: [PositionalSpec("WORD", "what to print")],
    options: [.value("times", "N", "Repeat count.", default: "1")])
  nonisolated(unsafe) static var printed: [String] = []
  static func validate(_ arguments: ParsedArguments) throws(UsageError) {
    if let n = try arguments.int("times"), n < 1 {
      throw UsageError(command: "echo", message: "--times must be at least 1")
    }
  }
  static func run(_ arguments: ParsedArguments) throws {
    struct Refused: Error, CustomStringConvertible { var description: String { "refused to echo 'fail'" } }
    if arguments.positional(0) == "fail" { throw Refused() }
    printed.append(arguments.positional(0)!)
  }
}

enum EchoLoud: Command {
  static let spec = CommandSpec(name: "echo loud", abstract: "Print it loudly.")
  static func run(_ arguments: ParsedArguments) throws {}
}

@Suite("CommandLineTool", .serialized)
struct CommandLineToolTests {
  let tool = CommandLineTool(name: "t", abstract: "A test tool.", commands: [Echo.self, EchoLoud.self])

  func call(_ arguments: [String]) -> (Int32, String, String) {
    var out = ""
    var err = ""
    let code = tool.main(arguments, output: { out += $0 }, errorOutput: { err += $0 })
    return (code, out, err)
  }

  @Test("exit codes: 0 success, 64 usage errors, 1 runtime failures")
  func exitCodes() {
    #expect(call(["echo", "hi"]).0 == 0)
    #expect(call(["echo"]).0 == 64)
    #expect(call(["echo", "hi", "--times", "0"]).0 == 64)
    #expect(call(["nope"]).0 == 64)
    let (code, _, err) = call(["echo", "fail"])
    #expect(code == 1)
    #expect(err == "t echo: refused to echo 'fail'\n")
  }

  @Test("a usage error is one line plus a hint")
  func usageMessage() {
    let (_, _, err) = call(["echo", "--colour", "red"])
    #expect(err == "t echo: unknown option '--colour'\nRun 't echo --help' for usage.\n")
  }

  @Test("nested command names win over their prefix")
  func nested() {
    #expect(call(["echo", "loud"]).0 == 0)
    #expect(call(["echo", "loud", "--help"]).1.hasPrefix("USAGE: t echo loud"))
  }

  @Test("help text is a stable contract")
  func help() {
    let (code, out, _) = call(["echo", "--help"])
    #expect(code == 0)
    #expect(
      out == """
        USAGE: t echo [options] WORD

        Print the word.

        ARGUMENTS:
          WORD                      what to print

        OPTIONS:
          --times N                 Repeat count. (default: 1)
          --help                    Show this help and exit.

        """)
  }
}
