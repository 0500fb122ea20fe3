import Formats
import Foundation

/// libFuzzer entry point: any bytes must parse as a safetensors file or throw a FormatError; the
/// tensors of a file that parses must convert without trapping.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSafeTensors(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  guard let file = try? SafeTensorsFile(data: Data(bytes: bytes, count: count), file: "fuzz") else {
    return 0
  }
  for tensor in file.tensors {
    _ = try? file.withValues(of: tensor.name) { $0.reduce(0, +) }
    _ = try? file.withDoubleValues(of: tensor.name) { $0.reduce(0, +) }
  }
  return 0
}
