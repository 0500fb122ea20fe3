import Foundation

/// Settings of `ScalingAnalysis`; every field has a documented default.
public struct ScalingOptions: Codable, Sendable, Equatable {
  /// Which size N the scaling forms use.
  public enum SizeVariable: String, Codable, Sendable, CaseIterable {
    /// The hidden width.
    case hiddenWidth
    /// The total parameter count.
    case parameterCount
  }

  /// The logarithm of the curves' x (and of log t_c in the fits).
  public enum LogBase: String, Codable, Sendable, CaseIterable {
    /// x = ln t.
    case natural
    /// x = log10 t.
    case decimal

    /// log t in this base.
    public func log(_ t: Double) -> Double {
      switch self {
      case .natural: Foundation.log(t)
      case .decimal: log10(t)
      }
    }

    /// ln of the base: d t / d(log t) = t·ln(base).
    public var naturalLogOfBase: Double {
      switch self {
      case .natural: 1
      case .decimal: Foundation.log(10.0)
      }
    }

    /// t from log t in this base.
    public func power(_ x: Double) -> Double {
      switch self {
      case .natural: exp(x)
      case .decimal: pow(10, x)
      }
    }
  }

  /// The size variable N (default `.hiddenWidth`).
  public var sizeVariable: SizeVariable
  /// The base of the curves' x (default `.natural`, x = ln t as `TransitionAnalysis` writes it).
  public var logBase: LogBase
  /// Points of the common grid the seeds of one size are averaged on, uniform over their common
  /// range; nil (default) = the x of the seed with the most points inside that range.
  public var gridSize: Int?
  /// Keep only curve points with |x − mean log t_c(N)| ≤ this (in x units) for the collapse;
  /// nil (default) = the whole common range.
  public var collapseHalfWidth: Double?
  /// dy from the spread over seeds pools the variance over ±this many neighbouring grid points
  /// (default 2: five points, so that with a few seeds the dy are not themselves very noisy).
  public var spreadPoolingHalfWidth: Int
  /// Bootstrap replicates for the per-size intervals and the power-law and t_c fits (default 200).
  public var bootstrapReplicates: Int
  /// Bootstrap replicates that also refit the data collapse (default 20; ≤ `bootstrapReplicates`
  /// are used; 0 skips the collapse bootstrap).
  public var collapseBootstrapReplicates: Int
  /// Seed of the bootstrap resampling (default 1).
  public var bootstrapSeed: UInt64
  /// The minimizer of the collapse quality (default tolerances 10⁻⁹ in S and 10⁻⁶ in the
  /// parameters, at most 2000 iterations).
  public var minimizer: NelderMead
  /// A start for the collapse fit; nil (default) = x_c from the mean log t_c, ζ from h ∝ N^a,
  /// ν = 1/b from w ∝ N^(−b) (or 1 when b ≤ 0).
  public var collapseStart: CollapseParameters?

  /// Options with the documented defaults, any of which can be overridden.
  public init(
    sizeVariable: SizeVariable = .hiddenWidth, logBase: LogBase = .natural, gridSize: Int? = nil,
    collapseHalfWidth: Double? = nil, spreadPoolingHalfWidth: Int = 2, bootstrapReplicates: Int = 200,
    collapseBootstrapReplicates: Int = 20, bootstrapSeed: UInt64 = 1,
    minimizer: NelderMead = NelderMead(valueTolerance: 1e-9, pointTolerance: 1e-6),
    collapseStart: CollapseParameters? = nil
  ) {
    self.sizeVariable = sizeVariable
    self.logBase = logBase
    self.gridSize = gridSize
    self.collapseHalfWidth = collapseHalfWidth
    self.spreadPoolingHalfWidth = spreadPoolingHalfWidth
    self.bootstrapReplicates = bootstrapReplicates
    self.collapseBootstrapReplicates = collapseBootstrapReplicates
    self.bootstrapSeed = bootstrapSeed
    self.minimizer = minimizer
    self.collapseStart = collapseStart
  }

  /// Rejects options outside their ranges.
  func validate() throws(ScalingError) {
    if let g = gridSize, g < 2 {
      throw .invalidOption(name: "gridSize", expected: "at least 2", found: Double(g))
    }
    if let w = collapseHalfWidth, !(w > 0 && w.isFinite) {
      throw .invalidOption(name: "collapseHalfWidth", expected: "a finite value > 0", found: w)
    }
    guard spreadPoolingHalfWidth >= 0 else {
      throw .invalidOption(
        name: "spreadPoolingHalfWidth", expected: "≥ 0", found: Double(spreadPoolingHalfWidth))
    }
    guard bootstrapReplicates >= 0, collapseBootstrapReplicates >= 0 else {
      throw .invalidOption(
        name: "bootstrapReplicates", expected: "≥ 0",
        found: Double(min(bootstrapReplicates, collapseBootstrapReplicates)))
    }
    guard minimizer.maximumIterations >= 1 else {
      throw .invalidOption(
        name: "minimizer.maximumIterations", expected: "at least 1",
        found: Double(minimizer.maximumIterations))
    }
  }
}
