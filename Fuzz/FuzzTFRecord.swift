import Formats
import Foundation

/// libFuzzer entry point: any bytes must split into CRC-checked TFRecords or throw a FormatError.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTFRecord(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  _ = try? TFRecord.records(in: Data(bytes: bytes, count: count), file: "fuzz")
  return 0
}
