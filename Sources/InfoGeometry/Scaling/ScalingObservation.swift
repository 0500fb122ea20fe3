/// One training run of a size sweep: the transition marker of one seed at one network size, and
/// its y″ curve.
///
/// `curve.x` is ln t or log10 t (`ScalingOptions.logBase` says which), strictly increasing;
/// curves of different runs may sit on different grids and have different lengths.
public struct ScalingObservation: Codable, Sendable, Equatable {
  /// A y″ curve: y″ = d²(ln L)/d(ln t)² at x, with optional one-σ errors per point.
  public struct Curve: Codable, Sendable, Equatable {
    /// ln t or log10 t, strictly increasing.
    public var x: [Double]
    /// y″ at each x.
    public var y: [Double]
    /// One-σ errors of y (all > 0), or nil to estimate them from the spread over seeds.
    public var errors: [Double]?

    /// A curve from its points.
    public init(x: [Double], y: [Double], errors: [Double]? = nil) {
      self.x = x
      self.y = y
      self.errors = errors
    }
  }

  /// The hidden width of the network.
  public var hiddenWidth: Double
  /// The total number of trainable parameters.
  public var parameterCount: Double
  /// The training seed.
  public var seed: Int
  /// The marker position t_c, in steps (> 0).
  public var markerStep: Double
  /// The depth h of the marker's dip, |min y″| or its prominence (> 0).
  public var depth: Double
  /// The width w of the dip, in decades of t (> 0).
  public var widthDecades: Double
  /// The y″ curve.
  public var curve: Curve

  /// An observation from its fields.
  public init(
    hiddenWidth: Double, parameterCount: Double, seed: Int, markerStep: Double, depth: Double,
    widthDecades: Double, curve: Curve
  ) {
    self.hiddenWidth = hiddenWidth
    self.parameterCount = parameterCount
    self.seed = seed
    self.markerStep = markerStep
    self.depth = depth
    self.widthDecades = widthDecades
    self.curve = curve
  }

  /// The size N under `variable`.
  public func size(_ variable: ScalingOptions.SizeVariable) -> Double {
    switch variable {
    case .hiddenWidth: hiddenWidth
    case .parameterCount: parameterCount
    }
  }

  /// Checks every field (sizes and marker values finite and > 0, curve arrays of equal length
  /// with at least two points, x strictly increasing, values finite, errors > 0).
  func validate(size: Double) throws(ScalingError) {
    func positive(_ field: String, _ v: Double) throws(ScalingError) {
      guard v.isFinite, v > 0 else {
        throw .invalidValue(field: field, seed: seed, size: size, expected: "a finite value > 0", found: v)
      }
    }
    try positive("size", size)
    try positive("markerStep", markerStep)
    try positive("depth", depth)
    try positive("widthDecades", widthDecades)
    guard curve.y.count == curve.x.count else {
      throw .mismatchedCounts(
        field: "curve.y", seed: seed, size: size, expected: curve.x.count, found: curve.y.count)
    }
    guard curve.x.count >= 2 else {
      throw .tooFew(what: "curve.x of seed \(seed)", needed: 2, found: curve.x.count)
    }
    for i in curve.x.indices {
      guard curve.x[i].isFinite else {
        throw .invalidValue(
          field: "curve.x[\(i)]", seed: seed, size: size, expected: "a finite number", found: curve.x[i])
      }
      guard curve.y[i].isFinite else {
        throw .invalidValue(
          field: "curve.y[\(i)]", seed: seed, size: size, expected: "a finite number", found: curve.y[i])
      }
      if i > 0, !(curve.x[i] > curve.x[i - 1]) { throw .curveNotIncreasing(seed: seed, size: size, index: i) }
    }
    if let e = curve.errors {
      guard e.count == curve.x.count else {
        throw .mismatchedCounts(
          field: "curve.errors", seed: seed, size: size, expected: curve.x.count, found: e.count)
      }
      for i in e.indices { try positive("curve.errors[\(i)]", e[i]) }
    }
  }
}
