/// JSON forms of the monitor's settings, for run configuration files: groups and grid policies are
/// written in the same text form the command line takes (`"each"`, `"fixed:-1:1"`), so config.json
/// reads like the options that produced it.
extension GeometryEstimator: Codable {}
extension BinningScheme: Codable {}

extension GridPolicy: Codable {
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    do { self = try GridPolicy(parsing: text) } catch {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: error.description))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

extension ParameterGroup: Codable {
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    do { self = try ParameterGroup(parsing: text) } catch {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: error.description))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

/// A key missing from the JSON takes its default, so configuration files written before a setting existed
/// (e.g. `euclidean`) still load.
extension GeometryConfiguration: Codable {
  private enum CodingKeys: String, CodingKey {
    case groups, estimator, binning, binCount, gridPolicy, stride, debiasWindow, diagnostics
    case storedHistogramLimit, splitSeed, euclidean, bandwidthFactor
  }

  public init(from decoder: any Decoder) throws {
    self.init()
    let c = try decoder.container(keyedBy: CodingKeys.self)
    groups = try c.decodeIfPresent([ParameterGroup].self, forKey: .groups) ?? groups
    estimator = try c.decodeIfPresent(GeometryEstimator.self, forKey: .estimator) ?? estimator
    binning = try c.decodeIfPresent(BinningScheme.self, forKey: .binning) ?? binning
    binCount = try c.decodeIfPresent(Int.self, forKey: .binCount)
    gridPolicy = try c.decodeIfPresent(GridPolicy.self, forKey: .gridPolicy) ?? gridPolicy
    stride = try c.decodeIfPresent(Int.self, forKey: .stride) ?? stride
    debiasWindow = try c.decodeIfPresent(Int.self, forKey: .debiasWindow) ?? debiasWindow
    diagnostics = try c.decodeIfPresent(Bool.self, forKey: .diagnostics) ?? diagnostics
    storedHistogramLimit =
      try c.decodeIfPresent(Int.self, forKey: .storedHistogramLimit) ?? storedHistogramLimit
    splitSeed = try c.decodeIfPresent(UInt64.self, forKey: .splitSeed) ?? splitSeed
    euclidean = try c.decodeIfPresent(Bool.self, forKey: .euclidean) ?? euclidean
    bandwidthFactor = try c.decodeIfPresent(Double.self, forKey: .bandwidthFactor) ?? bandwidthFactor
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(groups, forKey: .groups)
    try c.encode(estimator, forKey: .estimator)
    try c.encode(binning, forKey: .binning)
    try c.encodeIfPresent(binCount, forKey: .binCount)
    try c.encode(gridPolicy, forKey: .gridPolicy)
    try c.encode(stride, forKey: .stride)
    try c.encode(debiasWindow, forKey: .debiasWindow)
    try c.encode(diagnostics, forKey: .diagnostics)
    try c.encode(storedHistogramLimit, forKey: .storedHistogramLimit)
    try c.encode(splitSeed, forKey: .splitSeed)
    try c.encode(euclidean, forKey: .euclidean)
    try c.encode(bandwidthFactor, forKey: .bandwidthFactor)
  }
}
