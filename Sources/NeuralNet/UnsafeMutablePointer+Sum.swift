extension UnsafeMutablePointer where Pointee == Float {
  /// `Σ_{i < count} self[i]`, accumulated in four interleaved 8-lane partial sums so that the loop
  /// vectorizes (a plain `sum += x[i]` is a serial dependency chain in strict IEEE order).
  @inline(__always)
  func sum(count: Int) -> Float {
    var (a, b, c, d) = (SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>())
    var i = 0
    let raw = UnsafeRawPointer(self)
    while i + 32 <= count {
      a += raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
      b += raw.loadUnaligned(fromByteOffset: (i + 8) * 4, as: SIMD8<Float>.self)
      c += raw.loadUnaligned(fromByteOffset: (i + 16) * 4, as: SIMD8<Float>.self)
      d += raw.loadUnaligned(fromByteOffset: (i + 24) * 4, as: SIMD8<Float>.self)
      i += 32
    }
    var total = ((a + b) + (c + d)).sum()
    while i < count {
      total += self[i]
      i += 1
    }
    return total
  }
}
