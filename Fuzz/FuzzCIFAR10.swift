import Formats
import Foundation

/// libFuzzer entry point: any bytes must parse as a CIFAR-10 batch or throw a FormatError.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCIFAR10(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  _ = try? CIFAR10Batch(parsing: Data(bytes: bytes, count: count), file: "fuzz")
  return 0
}
