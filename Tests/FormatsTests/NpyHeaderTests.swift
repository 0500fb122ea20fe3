import Foundation
import Testing

@testable import Formats

@Suite("NpyHeader")
struct NpyHeaderTests {
  static func parse(_ text: String, version: UInt8 = 1) throws -> NpyHeader {
    try NpyHeader.parse(CheckpointBytes.npy(version: version, header: text, payload: []), file: "h.npy")
  }

  @Test("encodes NumPy's own header text, padded to 64 bytes")
  func encoded() {
    let header = NpyHeader(dtype: .float32, bigEndian: false, fortranOrder: false, shape: [3, 4]).encoded()
    let dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }"
    // 10 bytes of magic, version and length + 59 of dict + 58 spaces + "\n" = 128, byte for byte what
    // numpy.save writes for a 3×4 float32 array (checked with NumPy 2.4).
    let text = dict + String(repeating: " ", count: 58) + "\n"
    #expect(header == Data([0x93] + Array("NUMPY".utf8) + [1, 0, 118, 0] + Array(text.utf8)))
  }

  @Test("the growth reserve keeps the length for any leading extent up to 21 digits")
  func growth() {
    let lengths = [0, 9, 12_345, Int.max].map {
      NpyHeader(dtype: .float32, bigEndian: false, fortranOrder: false, shape: [$0, 3]).encoded(
        reservingGrowth: true
      )
      .count
    }
    #expect(Set(lengths).count == 1)
    #expect(lengths[0] % 64 == 0)
  }

  @Test("parses keys in any order, either quote, one-element and empty tuples, trailing commas")
  func accepted() throws {
    let header = try Self.parse(#"{"shape": (5,), 'fortran_order': True, 'descr': '>f8'}  "#)
    #expect(header.shape == [5] && header.fortranOrder && header.bigEndian && header.dtype == .float64)
    #expect(try Self.parse("{'descr': '|u1', 'fortran_order': False, 'shape': (), }\n").shape == [])
    #expect(
      try Self.parse("{'descr':'<i8','fortran_order':False,'shape':(2,3,),}", version: 2).dtype == .int64)
  }

  @Test(
    "rejects anything but the exact dict literal",
    arguments: [
      ("{'descr': '<f4', 'fortran_order': False}", "'shape' missing"),
      ("{'descr': '<f4', 'fortran_order': False, 'shape': (3), }", "a comma in a one-element tuple"),
      ("{'descr': '<f4', 'fortran_order': 0, 'shape': (3,), }", "a string, True, False or a tuple"),
      ("{'descr': '<f4', 'fortran_order': False, 'shape': (03,), }", "without leading zeros"),
      ("{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", "'descr' repeated"),
      ("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), 'x': 1}", "'x'"),
      ("{'descr': '<c8', 'fortran_order': False, 'shape': (3,), }", "descr is '<c8'"),
      ("{'descr': '|f4', 'fortran_order': False, 'shape': (3,), }", "descr is '|f4'"),
      (
        "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (3,), }",
        "a string, True, False or a tuple"
      ),
      ("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), } x", "only whitespace after '}'"),
      ("{'descr': '<f4', 'fortran_order': False, 'shape': (-3,), }", "a decimal integer"),
      ("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,), }", "extents below 2⁶³"),
    ])
  func rejected(text: String, message: String) {
    #expect {
      try Self.parse(text)
    } throws: { error in
      let description = (error as? FormatError)?.description ?? ""
      return description.hasPrefix("h.npy: NPY ") && description.contains(message)
    }
  }

  @Test("magic, version, truncation and header length beyond the file")
  func framing() {
    let good = CheckpointBytes.npy(header: "{}", payload: [])
    var magic = good
    magic[1] = 0x4f
    #expect(
      throws: FormatError.badMagic(
        file: "h", format: "NPY", expected: "93 4e 55 4d 50 59", found: "93 4f 55 4d 50 59")
    ) {
      try NpyHeader.parse(magic, file: "h")
    }
    var version = good
    version[6] = 4
    #expect(
      throws: FormatError.invalidField(
        file: "h", format: "NPY", field: "version", value: "4.0", expected: "1.0, 2.0 or 3.0")
    ) {
      try NpyHeader.parse(version, file: "h")
    }
    #expect(throws: FormatError.truncatedHeader(file: "h", format: "NPY", needed: 10, available: 9)) {
      try NpyHeader.parse(good.prefix(9), file: "h")
    }
    let beyond = Data([0x93] + Array("NUMPY".utf8) + [2, 0, 0xff, 0xff, 0xff, 0x7f, 0x7b])
    #expect(
      throws: FormatError.truncatedHeader(file: "h", format: "NPY", needed: 2_147_483_659, available: 13)
    ) {
      try NpyHeader.parse(beyond, file: "h")
    }
  }

  @Test("version 3.0 headers must be UTF-8; Latin-1 bytes in 1.0 only fail as an unknown descr")
  func encodings() {
    let text = Array("{'descr': '<f4".utf8) + [0xe9] + Array("', 'fortran_order': False, 'shape': (), }".utf8)
    #expect {
      try NpyHeader.parse(CheckpointBytes.npy(version: 3, header: text, payload: []), file: "h")
    } throws: {
      ($0 as? FormatError)?.description
        == "h: NPY header is bytes that are not UTF-8, expected UTF-8 (version 3.0)"
    }
    #expect {
      try NpyHeader.parse(CheckpointBytes.npy(version: 1, header: text, payload: []), file: "h")
    } throws: { ($0 as? FormatError)?.description.contains("descr is '<f4é'") ?? false }
  }
}
