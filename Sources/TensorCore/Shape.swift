/// The extents of a tensor's axes, outermost first (row-major), e.g. `[batch, channels, height, width]`.
public struct Shape: Hashable, Sendable, CustomStringConvertible, ExpressibleByArrayLiteral {
  public var dimensions: [Int]

  public init(_ dimensions: [Int]) {
    precondition(dimensions.allSatisfy { $0 >= 0 }, "Shape: negative extent in \(dimensions)")
    self.dimensions = dimensions
  }

  public init(arrayLiteral elements: Int...) { self.init(elements) }

  /// The number of elements: the product of the extents (1 for a scalar shape `[]`).
  public var count: Int { dimensions.reduce(1, *) }
  /// The number of axes.
  public var rank: Int { dimensions.count }

  public subscript(axis: Int) -> Int { dimensions[axis] }

  /// The shape with the first axis (the batch) replaced.
  public func replacingFirst(with extent: Int) -> Shape {
    var d = dimensions
    d[0] = extent
    return Shape(d)
  }

  public var description: String { "[" + dimensions.map(String.init).joined(separator: ", ") + "]" }
}
