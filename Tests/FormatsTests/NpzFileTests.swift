import Foundation
import Testing

@testable import Formats

@Suite("NpzFile")
struct NpzFileTests {
  typealias B = CheckpointBytes

  static func npy(_ values: [Float], shape: String) -> Data {
    B.npy(
      header: "{'descr': '<f4', 'fortran_order': False, 'shape': \(shape), }\n", payload: B.float32(values))
  }

  static let weight = npy((0..<300).map { Float($0 % 7) }, shape: "(30, 10)")
  static let bias = npy([0.5, -1], shape: "(2,)")

  static func rejects(_ data: Data, _ message: String) {
    #expect {
      try NpzFile(data: data, file: "bad.npz")
    } throws: { error in
      let description = (error as? FormatError)?.description ?? "\(error)"
      return description.hasPrefix("bad.npz") && description.contains(message)
    }
  }

  @Test("stored and deflated members, with NumPy's zip64 local extra fields, read tensor by tensor")
  func members() throws {
    let data = B.zip([
      .init(name: "weight.npy", contents: Self.weight, deflated: true),
      .init(name: "bias.npy", contents: Self.bias, zip64LocalExtra: true),
      .init(name: "deflated.bias.npy", contents: Self.bias, deflated: true, zip64LocalExtra: true),
    ])
    let file = try NpzFile(data: data, file: "c.npz")
    #expect(
      file.tensors == [
        TensorInfo(name: "weight", dtype: .float32, shape: [30, 10]),
        TensorInfo(name: "bias", dtype: .float32, shape: [2]),
        TensorInfo(name: "deflated.bias", dtype: .float32, shape: [2]),
      ])
    #expect(try file.values(of: "weight") == (0..<300).map { Float($0 % 7) })
    #expect(try file.values(of: "bias") == [0.5, -1])
    #expect(try file.doubleValues(of: "deflated.bias") == [0.5, -1])
    #expect(throws: FormatError.unknownTensor(file: "c.npz", name: "bias.npy")) {
      try file.values(of: "bias.npy")
    }
  }

  @Test("a mapped archive on disk, and an empty archive")
  func mapped() throws {
    let directory = try TemporaryDirectory()
    let url = directory.url.appendingPathComponent("c.npz")
    try B.zip([.init(name: "b.npy", contents: Self.bias)]).write(to: url)
    #expect(try NpzFile(url: url).values(of: "b") == [0.5, -1])
    #expect(try NpzFile(data: B.zip([]), file: "e").tensors.isEmpty)
  }

  @Test("a wrong CRC-32 is reported for stored and deflated members", arguments: [false, true])
  func checksum(deflated: Bool) {
    let data = B.zip([.init(name: "b.npy", contents: Self.bias, deflated: deflated, crc: 0x1234_5678)])
    let computed = ZipArchive.crc32(Self.bias)
    #expect(
      throws: FormatError.checksumMismatch(
        file: "bad.npz", format: "ZIP", field: "member \"b.npy\" CRC-32", stored: 0x1234_5678,
        computed: computed)
    ) {
      try NpzFile(data: data, file: "bad.npz")
    }
  }

  @Test("truncated archives and a missing end record")
  func truncated() {
    let data = B.zip([.init(name: "b.npy", contents: Self.bias)])
    Self.rejects(data.prefix(10), "header needs 22 bytes but the file has only 10")
    Self.rejects(data.dropLast(1), "end of central directory record is not found")
    Self.rejects(Data(count: 100), "end of central directory record is not found")
  }

  @Test("offsets and sizes that point outside the archive")
  func offsets() {
    let data = B.zip([.init(name: "b.npy", contents: Self.bias)])
    let end = data.count - 22
    let directory = Int(data[end + 16]) | Int(data[end + 17]) << 8
    var farDirectory = data
    farDirectory[end + 17] = 0x7f
    Self.rejects(farDirectory, "central directory is")
    var farLocal = data
    farLocal[directory + 42] = 0xf0
    Self.rejects(farLocal, "local header is offset 240")
    var bigMember = data
    bigMember[directory + 22] = 0x7f
    bigMember[directory + 26] = 0x7f
    Self.rejects(bigMember, "member \"b.npy\" data is bytes")
    var entries = data
    entries[end + 8] = 2
    entries[end + 10] = 2
    Self.rejects(entries, "central directory entry 1 is missing")
  }

  @Test("zip64 archives, encryption, other methods and damaged deflate streams are rejected by name")
  func unsupported() {
    let data = B.zip([.init(name: "b.npy", contents: Self.bias, deflated: true)])
    let end = data.count - 22
    let directory = Int(data[end + 16]) | Int(data[end + 17]) << 8
    var zip64 = data
    for offset in 20..<24 { zip64[directory + offset] = 0xff }
    Self.rejects(zip64, "zip64 sizes")
    var zip64End = data
    for offset in 16..<20 { zip64End[end + offset] = 0xff }
    Self.rejects(zip64End, "end of central directory record is zip64")
    var encrypted = data
    encrypted[directory + 8] = 1
    Self.rejects(encrypted, "flags is encrypted")
    var method = data
    method[directory + 10] = 12
    Self.rejects(method, "compression method is 12, expected 0 (stored) or 8 (deflated)")
    var damaged = data
    damaged[30 + 5] ^= 0xff
    damaged[30 + 6] ^= 0xff
    #expect(throws: FormatError.self) { try NpzFile(data: damaged, file: "bad.npz") }
  }

  @Test("members that are not .npy, or whose .npy is malformed, name the member")
  func memberContents() {
    Self.rejects(B.zip([.init(name: "notes.txt", contents: Data("x".utf8))]), "member name is \"notes.txt\"")
    Self.rejects(
      B.zip([.init(name: "b.npy", contents: Self.bias.dropLast(1))]), "bad.npz[b.npy]: NPY header claims 2×4")
    let twice = B.zip([.init(name: "b.npy", contents: Self.bias), .init(name: "b.npy", contents: Self.bias)])
    Self.rejects(twice, "member \"b.npy\" is repeated")
  }
}
