import Formats
import Foundation

/// libFuzzer entry point: any bytes must parse as an IDX file or throw a FormatError.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIDX(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  _ = try? IDXFile(parsing: Data(bytes: bytes, count: count), file: "fuzz")
  return 0
}
