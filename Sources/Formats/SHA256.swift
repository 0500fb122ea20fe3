import COpenSSL
import Foundation

/// SHA-256 digests (FIPS 180-4) through OpenSSL's EVP interface, as lowercase hexadecimal strings.
public enum SHA256 {
  /// The SHA-256 digest of `data`, 64 lowercase hex digits.
  public static func hex(of data: Data) -> String {
    let digest = Digest()
    digest.update(data)
    return digest.finalHex()
  }

  /// The SHA-256 digest of the file at `url`, read in 1 MiB chunks (constant memory).
  public static func hex(ofFileAt url: URL) throws -> String {
    let handle: FileHandle
    do {
      handle = try FileHandle(forReadingFrom: url)
    } catch {
      throw FormatError.unreadable(file: url.path, reason: error.localizedDescription)
    }
    defer { try? handle.close() }
    let digest = Digest()
    do {
      while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
        digest.update(chunk)
      }
    } catch {
      throw FormatError.unreadable(file: url.path, reason: error.localizedDescription)
    }
    return digest.finalHex()
  }

  /// One EVP digest context, freed with the object.
  private final class Digest {
    private let context: OpaquePointer

    init() {
      // Allocation failure of a few hundred bytes is not a recoverable input error.
      guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
        fatalError("OpenSSL could not initialise a SHA-256 context")
      }
      self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    func update(_ data: Data) {
      data.withUnsafeBytes { bytes in
        _ = EVP_DigestUpdate(context, bytes.baseAddress, bytes.count)
      }
    }

    func finalHex() -> String {
      var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
      var length: UInt32 = 0
      EVP_DigestFinal_ex(context, &digest, &length)
      let hexDigits = Array("0123456789abcdef")
      return String(digest[..<Int(length)].flatMap { [hexDigits[Int($0 >> 4)], hexDigits[Int($0 & 0xf)]] })
    }
  }
}
