import CZlib
import Foundation

/// gzip and raw-deflate streams through zlib.
///
/// Decompression streams the input through `inflate` into an output buffer that doubles as it fills,
/// so the size recorded in a gzip trailer (a claim from the file) is only a capped first guess.
public enum Gzip {
  /// Whether `data` starts with the gzip magic bytes `1f 8b`.
  public static func isCompressed(_ data: Data) -> Bool {
    data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b
  }

  /// The bytes of a whole gzip (or zlib) stream, inflated. Concatenated gzip members are joined.
  ///
  /// - Parameter file: the name used in error messages.
  /// - Throws: ``FormatError/corruptStream(file:reason:)`` or ``FormatError/truncatedStream(file:)``.
  public static func decompress(_ data: Data, file: String) throws -> Data {
    // 15 + 32: a 32 KiB window, with automatic detection of the gzip or zlib header.
    try inflate(data, windowBits: 15 + 32, sizeHint: trailerSize(data), file: file)
  }

  /// `data` inflated if it starts with the gzip magic, otherwise `data` itself (a raw file).
  public static func decompressIfCompressed(_ data: Data, file: String) throws -> Data {
    isCompressed(data) ? try decompress(data, file: file) : data
  }

  /// The contents of the file at `url`, inflated when it is gzipped (detected by its magic bytes).
  public static func readFile(at url: URL) throws -> Data {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw FormatError.unreadable(file: url.path, reason: error.localizedDescription)
    }
    return try decompressIfCompressed(data, file: url.path)
  }

  /// A raw deflate stream (no header or trailer, as inside a ZIP/.npz entry), inflated.
  ///
  /// - Parameter sizeHint: the expected output size if known (a ZIP entry's uncompressed size); only
  ///   a first allocation, never trusted as a limit.
  public static func inflateRaw(_ data: Data, sizeHint: Int = 0, file: String) throws -> Data {
    try inflate(data, windowBits: -15, sizeHint: sizeHint, file: file)
  }

  /// `data` as a single gzip member (deflate level 1...9, default 6).
  public static func compress(_ data: Data, level: Int32 = 6) -> Data {
    var stream = z_stream()
    // 15 + 16: a 32 KiB window with a gzip header and trailer; 8: zlib's default memory level.
    let initStatus = deflateInit2_(
      &stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
      Int32(MemoryLayout<z_stream>.size))
    precondition(initStatus == Z_OK, "deflateInit2 failed with status \(initStatus)")
    defer { deflateEnd(&stream) }
    let bound = Int(deflateBound(&stream, uLong(data.count)))
    var output = Data(count: bound)
    let produced = output.withUnsafeMutableBytes { out -> Int in
      data.withUnsafeBytes { input -> Int in
        stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
        stream.avail_in = uInt(input.count)
        stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
        stream.avail_out = uInt(out.count)
        // deflateBound guarantees a single Z_FINISH call completes the stream.
        let status = deflate(&stream, Z_FINISH)
        precondition(status == Z_STREAM_END, "deflate did not finish within deflateBound: \(status)")
        return out.count - Int(stream.avail_out)
      }
    }
    output.count = produced
    return output
  }

  // MARK: - Implementation

  /// The gzip trailer's ISIZE (uncompressed size mod 2³²), capped at deflate's best ratio (1032:1).
  private static func trailerSize(_ data: Data) -> Int {
    guard isCompressed(data), data.count >= 18 else { return 0 }
    let end = data.endIndex
    let isize = (0..<4).reduce(0) { $0 | Int(data[end - 4 + $1]) << (8 * $1) }
    return min(isize, data.count * 1032)
  }

  private static func inflate(_ data: Data, windowBits: Int32, sizeHint: Int, file: String) throws -> Data {
    var stream = z_stream()
    guard inflateInit2_(&stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { throw FormatError.corruptStream(file: file, reason: "zlib could not start an inflate stream") }
    defer { inflateEnd(&stream) }

    // One spare byte beyond an exact hint lets the stream end without a needless doubling.
    var capacity = sizeHint > 0 ? sizeHint + 1 : max(4 * data.count, 1 << 16)
    guard var output = malloc(capacity)?.assumingMemoryBound(to: UInt8.self) else {
      throw FormatError.corruptStream(file: file, reason: "cannot allocate \(capacity) bytes")
    }
    var produced = 0
    do {
      try data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
        guard let base = input.bindMemory(to: Bytef.self).baseAddress else {
          throw FormatError.truncatedStream(file: file)
        }
        var consumed = 0
        while true {
          if stream.avail_in == 0 && consumed < input.count {
            let chunk = min(input.count - consumed, Int(UInt32.max))
            stream.next_in = UnsafeMutablePointer(mutating: base + consumed)
            stream.avail_in = uInt(chunk)
            consumed += chunk
          }
          if produced == capacity {
            let grown = capacity * 2
            guard let moved = realloc(output, grown)?.assumingMemoryBound(to: UInt8.self) else {
              throw FormatError.corruptStream(file: file, reason: "cannot allocate \(grown) bytes")
            }
            output = moved
            capacity = grown
          }
          let space = min(capacity - produced, Int(UInt32.max))
          stream.next_out = output + produced
          stream.avail_out = uInt(space)
          let status = CZlib.inflate(&stream, Z_NO_FLUSH)
          produced += space - Int(stream.avail_out)
          switch status {
          case Z_OK:
            continue
          case Z_STREAM_END:
            let remaining = Int(stream.avail_in) + (input.count - consumed)
            let next = input.count - remaining
            // Another gzip member follows: keep inflating into the same output.
            if windowBits > 0, remaining >= 2, input[next] == 0x1f, input[next + 1] == 0x8b {
              inflateReset(&stream)
              continue
            }
            return
          case Z_BUF_ERROR where stream.avail_out == 0:
            continue
          case Z_BUF_ERROR:
            throw FormatError.truncatedStream(file: file)
          default:
            let message = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
            throw FormatError.corruptStream(file: file, reason: message)
          }
        }
      }
    } catch {
      free(output)
      throw error
    }
    // Give back the unused tail of the buffer (a smaller realloc cannot fail in practice; keep the
    // larger block if it does).
    if produced < capacity, let shrunk = realloc(output, max(produced, 1)) {
      output = shrunk.assumingMemoryBound(to: UInt8.self)
    }
    return Data(bytesNoCopy: output, count: produced, deallocator: .free)
  }
}
