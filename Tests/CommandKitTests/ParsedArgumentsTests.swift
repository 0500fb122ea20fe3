import CommandKit
import Testing

let trainSpec = CommandSpec(
  name: "train", abstract: "Train.", positionals: [PositionalSpec("RUN", "run directory", optional: true)],
  options: [
    .value("epochs", "N", "Epochs.", default: "10"), .value("lr", "RATE", "Learning rate."),
    .value("widths", "LIST", "Widths."), .flag("quiet", "Quiet."),
  ])

@Suite("ParsedArguments")
struct ParsedArgumentsTests {
  @Test("values, inline values, flags and positionals")
  func parses() throws {
    let p = try ParsedArguments(
      ["--epochs", "3", "--lr=0.01", "--quiet", "out", "--widths", "32, 64"], spec: trainSpec)
    #expect(try p.int("epochs") == 3)
    #expect(try p.double("lr") == 0.01)
    #expect(p.flag("quiet"))
    #expect(p.positional(0) == "out")
    #expect(try p.intList("widths") == [32, 64])
  }

  @Test(
    "usage errors name the problem",
    arguments: [
      (["--bogus"], "unknown option '--bogus'"),
      (["--epochs"], "option '--epochs' needs a value (N)"),
      (["a", "b"], "unexpected argument 'b'"),
      (["--quiet=1"], "flag '--quiet' takes no value"),
      (["-x"], "unknown option '-x'"),
    ])
  func errors(arguments: [String], message: String) {
    #expect(throws: UsageError(command: "train", message: message)) {
      try ParsedArguments(arguments, spec: trainSpec)
    }
  }

  @Test("typed accessors reject malformed values")
  func typed() throws {
    let p = try ParsedArguments(["--epochs", "ten", "--lr", "nan"], spec: trainSpec)
    #expect(throws: UsageError.self) { try p.int("epochs") }
    #expect(throws: UsageError.self) { try p.double("lr") }
  }
}
