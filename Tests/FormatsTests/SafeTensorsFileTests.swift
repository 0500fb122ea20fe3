import Foundation
import Testing

@testable import Formats

@Suite("SafeTensorsFile")
struct SafeTensorsFileTests {
  typealias B = CheckpointBytes

  /// Values exactly representable in F16, BF16, F32 and F64, so every conversion must be exact.
  static let values: [Float] = [1.5, -2, 0.25]
  /// Their binary16 bit patterns (sign, 5-bit exponent biased by 15, 10-bit fraction), by hand.
  static let float16Bits: [UInt16] = [0x3E00, 0xC000, 0x3400]
  /// Their bfloat16 patterns: the upper halves of the binary32 patterns 0x3FC00000, 0xC0000000, 0x3E800000.
  static let bfloat16Bits: [UInt16] = [0x3FC0, 0xC000, 0x3E80]

  static func file(dtype: String, payload: [UInt8]) -> Data {
    B.safetensors(
      header: #"{"t":{"dtype":"\#(dtype)","shape":[3],"data_offsets":[0,\#(payload.count)]}}"#,
      payload: payload)
  }

  @Test("reads F32, F16, BF16 and F64 tensors as Float and Double, exactly")
  func dtypes() throws {
    let files: [(String, [UInt8])] = [
      ("F32", B.float32(Self.values)),
      ("F16", Self.float16Bits.flatMap(B.littleEndian)),
      ("BF16", Self.bfloat16Bits.flatMap(B.littleEndian)),
      ("F64", B.float64(Self.values.map(Double.init))),
    ]
    for (dtype, payload) in files {
      let file = try SafeTensorsFile(data: Self.file(dtype: dtype, payload: payload), file: dtype)
      #expect(file.tensors == [TensorInfo(name: "t", dtype: TensorDType(rawValue: dtype)!, shape: [3])])
      #expect(try file.values(of: "t") == Self.values)
      #expect(try file.doubleValues(of: "t") == Self.values.map(Double.init))
    }
  }

  @Test("integer and boolean tensors convert to Float")
  func integers() throws {
    let payload = B.littleEndian(Int16(-7)) + B.littleEndian(Int16(300)) + [1, 0]
    let data = B.safetensors(
      header:
        #"{"i":{"dtype":"I16","shape":[2],"data_offsets":[0,4]},"b":{"dtype":"BOOL","shape":[2],"data_offsets":[4,6]}}"#,
      payload: payload)
    let file = try SafeTensorsFile(data: data, file: "ints")
    #expect(file.tensors.map(\.name) == ["i", "b"])
    #expect(try file.values(of: "i") == [-7, 300])
    #expect(try file.values(of: "b") == [1, 0])
  }

  @Test("tensors come in offset order with their shapes; metadata and padding are read")
  func layout() throws {
    let header =
      #"{"__metadata__":{"format":"pt"},"b":{"dtype":"F32","shape":[1,2],"data_offsets":[0,8]},"#
      + #""a":{"dtype":"F32","shape":[],"data_offsets":[8,12]},"e":{"dtype":"F32","shape":[0,4],"data_offsets":[12,12]}}   "#
    let data = B.safetensors(header: header, payload: B.float32([1, 2, 3]))
    let file = try SafeTensorsFile(data: data, file: "m")
    #expect(file.metadata == ["format": "pt"])
    #expect(file.tensors.map(\.name) == ["b", "a", "e"])
    #expect(file.tensors.map(\.shape) == [[1, 2], [], [0, 4]])
    #expect(try file.values(of: "a") == [3])
    #expect(try file.values(of: "e") == [])
  }

  @Test("a file on disk is mapped and read; unknown names are reported")
  func mapped() throws {
    let directory = try TemporaryDirectory()
    let url = directory.url.appendingPathComponent("c.safetensors")
    try Self.file(dtype: "F32", payload: B.float32(Self.values)).write(to: url)
    let file = try SafeTensorsFile(url: url)
    let sum = try file.withValues(of: "t") { $0.reduce(0, +) }
    #expect(sum == -0.25)
    #expect(throws: FormatError.unknownTensor(file: url.path, name: "u")) { try file.values(of: "u") }
  }

  @Test("aligned F32 values are lent from the mapped bytes themselves; other dtypes are converted")
  func zeroCopy() throws {
    let data = B.safetensors(
      header:
        #"{"f":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"h":{"dtype":"F16","shape":[1],"data_offsets":[8,10]}}"#
        + "    ",
      payload: B.float32([5, 6]) + B.littleEndian(UInt16(0x3C00)))
    let file = try SafeTensorsFile(data: data, file: "z")
    let bytes = data.withUnsafeBytes { UInt(bitPattern: $0.baseAddress) }
    // 108 bytes of JSON + 4 spaces: "f" starts 8 + 112 = 120 bytes into the (malloc-aligned) buffer.
    let lent = try file.withValues(of: "f") { UInt(bitPattern: $0.baseAddress) }
    #expect(lent == bytes + 120)
    let converted = try file.withValues(of: "h") { UInt(bitPattern: $0.baseAddress) }
    #expect(!(bytes..<(bytes + UInt(data.count))).contains(converted))
  }

  @Test("an F32 tensor at an unaligned offset is still read (through a conversion buffer)")
  func unaligned() throws {
    let data = B.safetensors(
      header:
        #"{"h":{"dtype":"F16","shape":[1],"data_offsets":[0,2]},"f":{"dtype":"F32","shape":[2],"data_offsets":[2,10]}}"#,
      payload: B.littleEndian(UInt16(0x3C00)) + B.float32([5, 6]))
    let file = try SafeTensorsFile(data: data, file: "u")
    #expect(try file.values(of: "h") == [1])
    #expect(try file.values(of: "f") == [5, 6])
  }

  // MARK: - Bad input

  static func rejects(_ data: Data, _ message: String) {
    #expect {
      try SafeTensorsFile(data: data, file: "bad.safetensors")
    } throws: { error in
      let description = (error as? FormatError)?.description ?? "\(error)"
      return description.hasPrefix("bad.safetensors: ") && description.contains(message)
    }
  }

  static func entry(_ shape: String, _ offsets: String, dtype: String = "F32") -> String {
    #"{"dtype":"\#(dtype)","shape":[\#(shape)],"data_offsets":[\#(offsets)]}"#
  }

  @Test("truncated files and header sizes beyond the file or the 100 MB bound")
  func headerSize() {
    Self.rejects(Data([1, 0, 0]), "header needs 8 bytes but the file has only 3")
    Self.rejects(Data(B.littleEndian(UInt64(100_000_001)) + [0x7b]), "header size is 100000001")
    Self.rejects(Data(B.littleEndian(UInt64.max)), "header size is 18446744073709551615")
    Self.rejects(
      Data(B.littleEndian(UInt64(50)) + Array("{}".utf8)), "header needs 58 bytes but the file has only 10")
  }

  @Test("a header that is not UTF-8, not JSON or not an object")
  func headerText() {
    Self.rejects(Data(B.littleEndian(UInt64(3)) + [0x7b, 0xff, 0x7d]), "header is bytes that are not UTF-8")
    Self.rejects(B.safetensors(header: #"{"a":}"#, payload: []), "JSON header at byte 5")
    Self.rejects(B.safetensors(header: "[]", payload: []), "header is not a JSON object")
    Self.rejects(B.safetensors(header: #"{"a":1} x"#, payload: []), "the end of the JSON text")
    Self.rejects(
      B.safetensors(header: #"{"a":"# + String(repeating: "[", count: 100), payload: []),
      "at most 64 nested levels")
  }

  @Test("gaps, overlaps and offsets beyond the data section")
  func offsets() {
    let gap = #"{"a":\#(Self.entry("1", "0,4")),"b":\#(Self.entry("1", "8,12"))}"#
    Self.rejects(
      B.safetensors(header: gap, payload: B.float32([1, 2, 3])),
      #""b".data_offsets is [8, 12], expected to start at 4"#)
    let overlap = #"{"a":\#(Self.entry("2", "0,8")),"b":\#(Self.entry("1", "4,8"))}"#
    Self.rejects(B.safetensors(header: overlap, payload: B.float32([1, 2])), #""b".data_offsets is [4, 8]"#)
    let start = #"{"a":\#(Self.entry("1", "4,8"))}"#
    Self.rejects(B.safetensors(header: start, payload: B.float32([1, 2])), "expected to start at 0")
    let beyond = #"{"a":\#(Self.entry("2", "0,8"))}"#
    Self.rejects(
      B.safetensors(header: beyond, payload: B.float32([1])), "to end within the data section of 4 bytes")
    let short = #"{"a":\#(Self.entry("1", "0,4"))}"#
    Self.rejects(
      B.safetensors(header: short, payload: B.float32([1, 2])), "data section is 8 bytes, expected 4 bytes")
    let reversed = #"{"a":\#(Self.entry("0", "4,0"))}"#
    Self.rejects(B.safetensors(header: reversed, payload: []), "[4, 0]")
  }

  @Test("sizes that disagree with the shape, or whose product overflows")
  func sizes() {
    let wrong = #"{"a":\#(Self.entry("3", "0,8"))}"#
    Self.rejects(
      B.safetensors(header: wrong, payload: B.float32([1, 2])),
      "header claims 3×4 = 12 bytes but only 8 follow")
    let huge = #"{"a":\#(Self.entry("4294967296,4294967296", "0,4"))}"#
    Self.rejects(B.safetensors(header: huge, payload: B.float32([1])), "overflows a 64-bit size")
    let tooBig = #"{"a":\#(Self.entry("99999999999999999999", "0,4"))}"#
    Self.rejects(B.safetensors(header: tooBig, payload: B.float32([1])), "a non-negative integer below 2⁶³")
    let negative = #"{"a":\#(Self.entry("-1", "0,4"))}"#
    Self.rejects(B.safetensors(header: negative, payload: B.float32([1])), #""a".shape is -1"#)
  }

  @Test("unknown dtypes, missing fields, bad metadata and repeated names")
  func fields() {
    Self.rejects(
      B.safetensors(header: #"{"a":\#(Self.entry("1", "0,1", dtype: "F8_E4M3"))}"#, payload: [0]),
      #""a".dtype is "F8_E4M3""#)
    Self.rejects(
      B.safetensors(header: #"{"a":{"dtype":"F32","shape":[1]}}"#, payload: [0, 0, 0, 0]),
      #""a".data_offsets is missing"#)
    Self.rejects(
      B.safetensors(header: #"{"a":\#(Self.entry("1", "0"))}"#, payload: []), "an array of 2 integers")
    Self.rejects(
      B.safetensors(header: #"{"__metadata__":{"k":1}}"#, payload: []),
      "__metadata__.k is 1, expected a string")
    let twice = #"{"a":\#(Self.entry("0", "0,0")),"a":\#(Self.entry("0", "0,0"))}"#
    Self.rejects(B.safetensors(header: twice, payload: []), #"header key "a" is repeated"#)
  }
}
