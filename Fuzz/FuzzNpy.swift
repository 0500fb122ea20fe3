import Formats
import Foundation

/// libFuzzer entry point: any bytes must parse as an `.npy` array or throw a FormatError; an array
/// that parses (any dtype, byte order, Fortran order) must convert without trapping.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNpy(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  guard let file = try? NpyFile(data: Data(bytes: bytes, count: count), file: "fuzz", name: "a") else {
    return 0
  }
  _ = file.withValues { $0.reduce(0, +) }
  _ = file.withDoubleValues { $0.reduce(0, +) }
  return 0
}
