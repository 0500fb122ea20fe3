import Formats
import Foundation

/// libFuzzer entry point: any bytes must parse as an `.npz` archive or throw a FormatError; every
/// member of an archive that parses must inflate and convert without trapping.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNpz(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  guard let file = try? NpzFile(data: Data(bytes: bytes, count: count), file: "fuzz") else { return 0 }
  for tensor in file.tensors {
    _ = try? file.withValues(of: tensor.name) { $0.reduce(0, +) }
  }
  return 0
}
