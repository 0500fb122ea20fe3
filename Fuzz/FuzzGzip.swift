import Formats
import Foundation

/// libFuzzer entry point: any bytes must inflate (as gzip/zlib, and as raw deflate) or throw a
/// FormatError.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGzip(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let data = Data(bytes: bytes, count: count)
  _ = try? Gzip.decompress(data, file: "fuzz")
  _ = try? Gzip.inflateRaw(data, file: "fuzz")
  return 0
}
