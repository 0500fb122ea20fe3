/// The index arithmetic of a square-kernel convolution over one sample `[channels, height, width]`,
/// and the im2col unfolding it is computed with.
///
/// Row `(c·k + u)·k + v` of the unfolded matrix `[channels·k·k, outputHeight·outputWidth]` holds, at
/// column `i·outputWidth + j`, the input value `x[c, i·s − p + u, j·s − p + v]`, or 0 in the padding.
struct ConvolutionGeometry {
  let channels: Int
  let height: Int
  let width: Int
  let kernel: Int
  let stride: Int
  let padding: Int
  let outputHeight: Int
  let outputWidth: Int

  init(channels: Int, height: Int, width: Int, kernel: Int, stride: Int, padding: Int) {
    self.channels = channels
    self.height = height
    self.width = width
    self.kernel = kernel
    self.stride = stride
    self.padding = padding
    outputHeight = (height + 2 * padding - kernel) / stride + 1
    outputWidth = (width + 2 * padding - kernel) / stride + 1
  }

  /// Rows of the unfolded matrix: `channels·k·k`.
  var columnRows: Int { channels * kernel * kernel }

  /// The output columns `j` whose input column `j·s − p + v` lies inside `0..<width`.
  @inline(__always)
  private func validColumns(_ v: Int) -> Range<Int> {
    let offset = v - padding
    // j·s + offset ≥ 0  ⇔  j ≥ ⌈−offset / s⌉;   j·s + offset < width  ⇔  j < ⌈(width − offset) / s⌉
    let first = offset >= 0 ? 0 : (-offset + stride - 1) / stride
    let end = width - offset <= 0 ? 0 : (width - offset + stride - 1) / stride
    return min(first, outputWidth)..<max(min(first, outputWidth), min(end, outputWidth))
  }

  /// Writes the unfolded matrix of `x` (`[channels, height, width]`) into `columns`.
  func unfold(_ x: UnsafePointer<Float>, into columns: UnsafeMutablePointer<Float>) {
    var row = columns
    for c in 0..<channels {
      let plane = x + c * height * width
      for u in 0..<kernel {
        for v in 0..<kernel {
          let valid = validColumns(v)
          let offset = v - padding
          for i in 0..<outputHeight {
            let out = row + i * outputWidth
            let y = i * stride - padding + u
            guard y >= 0, y < height, !valid.isEmpty else {
              out.update(repeating: 0, count: outputWidth)
              continue
            }
            out.update(repeating: 0, count: valid.lowerBound)
            let line = plane + y * width + offset
            if stride == 1 {
              (out + valid.lowerBound).update(from: line + valid.lowerBound, count: valid.count)
            } else {
              for j in valid { out[j] = line[j * stride] }
            }
            (out + valid.upperBound).update(repeating: 0, count: outputWidth - valid.upperBound)
          }
          row += outputHeight * outputWidth
        }
      }
    }
  }

  /// Sets `x` (`[channels, height, width]`) to the adjoint of `unfold` applied to `columns`: each
  /// input element receives the sum of the entries it was copied to.
  func fold(_ columns: UnsafePointer<Float>, into x: UnsafeMutablePointer<Float>) {
    x.update(repeating: 0, count: channels * height * width)
    var row = columns
    for c in 0..<channels {
      let plane = x + c * height * width
      for u in 0..<kernel {
        for v in 0..<kernel {
          let valid = validColumns(v)
          let offset = v - padding
          for i in 0..<outputHeight {
            let y = i * stride - padding + u
            guard y >= 0, y < height else { continue }
            let source = row + i * outputWidth
            let line = plane + y * width + offset
            if stride == 1 {
              for j in valid { line[j] += source[j] }
            } else {
              for j in valid { line[j &* stride] += source[j] }
            }
          }
          row += outputHeight * outputWidth
        }
      }
    }
  }
}
