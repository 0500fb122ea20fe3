import Foundation
import Testing

@testable import Formats

@Suite("NpyFile")
struct NpyFileTests {
  typealias B = CheckpointBytes

  static func header(_ descr: String, _ shape: String, fortran: Bool = false) -> String {
    "{'descr': '\(descr)', 'fortran_order': \(fortran ? "True" : "False"), 'shape': \(shape), }\n"
  }

  @Test("versions 1.0, 2.0 and 3.0 read the same array", arguments: [1, 2, 3] as [UInt8])
  func versions(version: UInt8) throws {
    let data = B.npy(
      version: version, header: Self.header("<f4", "(2, 2)"), payload: B.float32([1, 2, 3, 4]))
    let file = try NpyFile(data: data, file: "v.npy", name: "v")
    #expect(file.info == TensorInfo(name: "v", dtype: .float32, shape: [2, 2]))
    #expect(try file.values(of: "v") == [1, 2, 3, 4])
  }

  @Test("little- and big-endian f4, f8 and f2, and integers, as Float and Double")
  func dtypes() throws {
    let values: [Float] = [1.5, -2, 0.25]
    let cases: [(String, [UInt8])] = [
      ("<f4", B.float32(values)), (">f4", B.float32(values, bigEndian: true)),
      ("<f8", B.float64(values.map(Double.init))),
      (">f8", B.float64(values.map(Double.init), bigEndian: true)),
      // binary16 patterns of 1.5, −2, 0.25, by hand (see SafeTensorsFileTests).
      ("<f2", [0x3E00, 0xC000, 0x3400].flatMap { B.littleEndian(UInt16($0)) }),
      (">i2", [Int16(3), -2, 1].flatMap { B.bigEndian($0) }),
      ("|u1", [3, 254, 1]),
    ]
    let expected: [String: [Float]] = [">i2": [3, -2, 1], "|u1": [3, 254, 1]]
    for (descr, payload) in cases {
      let file = try NpyFile(
        data: B.npy(header: Self.header(descr, "(3,)"), payload: payload), file: descr, name: "a")
      #expect(try file.values(of: "a") == expected[descr, default: values], "\(descr)")
      #expect(try file.doubleValues(of: "a") == expected[descr, default: values].map(Double.init), "\(descr)")
    }
  }

  @Test("Fortran-order arrays are transposed to C order on reading")
  func fortranOrder() throws {
    // Element (i, j, k) of a 2×3×4 array is 100i + 10j + k; column-major storage puts it at i + 2j + 6k.
    var stored = [Float](repeating: 0, count: 24)
    var rowMajor: [Float] = []
    for i in 0..<2 {
      for j in 0..<3 {
        for k in 0..<4 {
          stored[i + 2 * j + 6 * k] = Float(100 * i + 10 * j + k)
          rowMajor.append(Float(100 * i + 10 * j + k))
        }
      }
    }
    let data = B.npy(header: Self.header("<f4", "(2, 3, 4)", fortran: true), payload: B.float32(stored))
    let file = try NpyFile(data: data, file: "f.npy", name: "f")
    #expect(file.fortranOrder)
    #expect(try file.values(of: "f") == rowMajor)
    #expect(try file.doubleValues(of: "f") == rowMajor.map(Double.init))
  }

  @Test("a scalar and an empty array")
  func degenerate() throws {
    let scalar = try NpyFile(
      data: B.npy(header: Self.header("<f8", "()"), payload: B.float64([2.5])), file: "s", name: "s")
    #expect(try scalar.values(of: "s") == [2.5])
    let empty = try NpyFile(
      data: B.npy(header: Self.header("<f4", "(0, 7)"), payload: []), file: "e", name: "e")
    #expect(try empty.values(of: "e") == [])
  }

  @Test("a mapped file is named after its path; other names are unknown")
  func mapped() throws {
    let directory = try TemporaryDirectory()
    let url = directory.url.appendingPathComponent("layer.weight.npy")
    try B.npy(header: Self.header("<f4", "(1,)"), payload: B.float32([7])).write(to: url)
    let file = try NpyFile(url: url)
    #expect(file.tensors.map(\.name) == ["layer.weight"])
    #expect(try file.values(of: "layer.weight") == [7])
    #expect(throws: FormatError.unknownTensor(file: url.path, name: "x")) { try file.values(of: "x") }
    #expect(throws: FormatError.self) {
      try NpyFile(url: directory.url.appendingPathComponent("missing.npy"))
    }
  }

  @Test("payloads shorter or longer than the shape, and shapes whose size overflows")
  func sizes() {
    #expect(
      throws: FormatError.payloadSizeMismatch(
        file: "p", format: "NPY", dimensions: [3], elementBytes: 4, available: 8)
    ) {
      try NpyFile(
        data: B.npy(header: Self.header("<f4", "(3,)"), payload: B.float32([1, 2])), file: "p", name: "p")
    }
    #expect(
      throws: FormatError.payloadSizeMismatch(
        file: "p", format: "NPY", dimensions: [1], elementBytes: 4, available: 5)
    ) {
      try NpyFile(
        data: B.npy(header: Self.header("<f4", "(1,)"), payload: B.float32([1]) + [0]), file: "p", name: "p")
    }
    let huge = Self.header("<f8", "(4294967296, 4294967296)")
    #expect(
      throws: FormatError.sizeOverflow(file: "o", format: "NPY", dimensions: [4_294_967_296, 4_294_967_296])
    ) {
      try NpyFile(data: B.npy(header: huge, payload: []), file: "o", name: "o")
    }
  }
}
