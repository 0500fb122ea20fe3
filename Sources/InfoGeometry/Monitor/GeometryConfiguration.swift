import Foundation

/// Which estimate fills the primary `gamma`/`length` columns (all three are always computed and recorded).
public enum GeometryEstimator: String, Sendable, Hashable, CaseIterable {
  /// Split-half debiased velocity (``DebiasedPath``) between the kernel-smoothed histograms of the two
  /// halves (``KernelSmoothing``); the default.
  case debiased
  /// Fisher–Rao distance between consecutive histograms, as is: with ``BinningScheme/nearest`` binning
  /// this is the paper's recipe.
  case naive
  /// Fisher–Rao distance between consecutive kernel-smoothed histograms (``KernelSmoothing``), as is: the
  /// smooth comparison estimate, still carrying the smoothed histograms' (smaller) sampling noise.
  case kernel
  /// Closed-form Fisher–Rao geometry of the Gaussian with the group's mean and standard deviation.
  case gaussian
}

/// How a group's histogram grid is chosen; the grid is shared by every snapshot of the run.
public enum GridPolicy: Sendable, Hashable, CustomStringConvertible {
  /// The same bounded range `[lower, upper)` for every group.
  case fixed(lower: Double, upper: Double)
  /// Each group's first-snapshot range `[min, max]`, widened on both sides by `margin` times its width
  /// (for live runs); bounded afterwards.
  case firstSnapshot(margin: Double)
  /// A lattice of fixed bin width anchored at 0 (width = first-snapshot range / K), extended by whole bins
  /// whenever values reach beyond it, so consecutive histograms always share bins and nothing overflows.
  case lattice
  /// Offline only: each group's range over all stored snapshots, from a first pass
  /// (``GeometryAnalysis``); a live monitor rejects it.
  case globalRange

  /// The text form accepted by ``init(parsing:)``.
  public var description: String {
    switch self {
    case .fixed(let lo, let hi): "fixed:\(lo):\(hi)"
    case .firstSnapshot(let m): "first:\(m)"
    case .lattice: "lattice"
    case .globalRange: "global"
    }
  }

  /// Parses `lattice`, `global`, `first` (margin 0.25), `first:MARGIN`, or `fixed:LOWER:UPPER`.
  public init(parsing text: String) throws(GeometryError) {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    switch (parts.first ?? "", parts.count) {
    case ("lattice", 1): self = .lattice
    case ("global", 1): self = .globalRange
    case ("first", 1): self = .firstSnapshot(margin: 0.25)
    case ("first", 2):
      guard let m = Double(parts[1]), m >= 0, m.isFinite else {
        throw .invalidConfiguration("grid first:MARGIN: expected a margin ≥ 0, got '\(parts[1])'")
      }
      self = .firstSnapshot(margin: m)
    case ("fixed", 3):
      guard let lo = Double(parts[1]), let hi = Double(parts[2]), lo.isFinite, hi.isFinite, lo < hi else {
        throw .invalidConfiguration(
          "grid fixed:LOWER:UPPER: expected finite numbers LOWER < UPPER, got '\(text)'")
      }
      self = .fixed(lower: lo, upper: hi)
    default:
      throw .invalidConfiguration(
        "grid: expected lattice, global, first, first:MARGIN or fixed:LOWER:UPPER, got '\(text)'")
    }
  }
}

/// Everything a ``GeometryMonitor`` (or the offline ``GeometryAnalysis``) needs besides the tensor layout.
public struct GeometryConfiguration: Sendable, Hashable {
  /// Groups to analyse (resolved against the tensor names; ``ParameterGroup/eachTensor`` expands).
  public var groups: [ParameterGroup] = [.all]
  /// Estimate reported as the primary Γ and L.
  public var estimator: GeometryEstimator = .debiased
  /// How values are assigned to bins.
  public var binning: BinningScheme = .linear
  /// Bins K at the reporting resolution (4 … ``maximumBinCount``); `nil` applies
  /// ``HistogramGrid/defaultBinCount(parameterCount:)`` to each group's size.
  public var binCount: Int? = nil
  /// How each group's grid is chosen.
  public var gridPolicy: GridPolicy = .lattice
  /// Minimum number of optimizer steps between observations (≥ 1).
  public var stride: Int = 1
  /// Trailing window W (in observations) of the debiased signal share.
  public var debiasWindow: Int = 8
  /// Whether to keep the resolution curve (K/4, K, 4K, by binning at 4K and summing bins) and the stride
  /// curve (strides 1, 2, 4, 8 observations). Costs a 4× finer table in the hot loop and O(8 × groups × 4K)
  /// memory.
  public var diagnostics: Bool = true
  /// Upper bound on the whole histograms kept per group at log-spaced steps (for heatmaps); 0 keeps none.
  public var storedHistogramLimit: Int = 64
  /// Seed of the split into halves A and B (``HalfSplit``).
  public var splitSeed: UInt64 = 0x1F0_6E0
  /// Whether to compute the Euclidean comparators (path length S, speed and relative update size, see
  /// ``EuclideanPath``) in the same pass. Costs one copy of the previous snapshot: 4 bytes per grouped
  /// Float32 parameter (O(N), allocated only when on); off, their columns are NaN.
  public var euclidean: Bool = true
  /// Factor on Silverman's bandwidth (``KernelSmoothing/silvermanBandwidth(for:standardDeviation:factor:)``)
  /// of the kernel-smoothed estimates (debiased and kernel); 0 turns the smoothing off, and the debiased
  /// estimate is then taken on the binned histograms themselves.
  public var bandwidthFactor: Double = 1

  /// Largest bin count K a configuration may ask for: with diagnostics the kernel bins at 4K, and a lattice
  /// may grow 64-fold, within what ``HistogramKernel`` addresses.
  public static let maximumBinCount = 65_536

  /// The default configuration: all parameters, debiased linear-binned histogram on a growing lattice.
  public init() {}

  /// The paper's recipe: hard-binned histogram, naive Fisher–Rao distance between consecutive snapshots.
  public static var paperRecipe: GeometryConfiguration {
    var c = GeometryConfiguration()
    c.estimator = .naive
    c.binning = .nearest
    return c
  }

  /// Builds a configuration from text options, as a command line provides them. Recognised keys (all
  /// optional): `groups` (comma list, see ``ParameterGroup/init(parsing:)``), `estimator`
  /// (debiased|naive|kernel|gaussian), `binning` (linear|nearest), `bins` (integer ≥ 4 or `auto`), `grid` (see
  /// ``GridPolicy/init(parsing:)``), `stride` (integer ≥ 1), `window` (integer ≥ 1), `diagnostics`
  /// (on|off), `euclidean` (on|off), `histograms` (integer ≥ 0), `seed` (unsigned integer), `bandwidth`
  /// (a factor ≥ 0 on Silverman's rule), `recipe`
  /// (`paper` starts from ``paperRecipe``). Unknown keys are an error.
  public init(options: [String: String]) throws(GeometryError) {
    self = options["recipe"] == "paper" ? .paperRecipe : GeometryConfiguration()
    if let r = options["recipe"], r != "paper" {
      throw .invalidConfiguration("recipe: expected 'paper', got '\(r)'")
    }
    for (key, value) in options.sorted(by: { $0.key < $1.key }) {
      switch key {
      case "recipe": break
      case "groups": groups = try ParameterGroup.parseList(value)
      case "estimator":
        guard let e = GeometryEstimator(rawValue: value) else {
          throw .invalidConfiguration(
            "estimator: expected debiased, naive, kernel or gaussian, got '\(value)'")
        }
        estimator = e
      case "binning":
        guard let b = BinningScheme(rawValue: value) else {
          throw .invalidConfiguration("binning: expected linear or nearest, got '\(value)'")
        }
        binning = b
      case "bins":
        binCount =
          value == "auto" ? nil : try Self.integer(key, value, atLeast: 4, atMost: Self.maximumBinCount)
      case "grid": gridPolicy = try GridPolicy(parsing: value)
      case "stride": stride = try Self.integer(key, value, atLeast: 1)
      case "window": debiasWindow = try Self.integer(key, value, atLeast: 1)
      case "diagnostics":
        guard value == "on" || value == "off" else {
          throw .invalidConfiguration("diagnostics: expected on or off, got '\(value)'")
        }
        diagnostics = value == "on"
      case "euclidean":
        guard value == "on" || value == "off" else {
          throw .invalidConfiguration("euclidean: expected on or off, got '\(value)'")
        }
        euclidean = value == "on"
      case "histograms": storedHistogramLimit = try Self.integer(key, value, atLeast: 0)
      case "seed":
        guard let s = UInt64(value) else {
          throw .invalidConfiguration("seed: expected an unsigned integer, got '\(value)'")
        }
        splitSeed = s
      case "bandwidth":
        guard let f = Double(value), f >= 0, f.isFinite else {
          throw .invalidConfiguration("bandwidth: expected a factor ≥ 0 on Silverman's rule, got '\(value)'")
        }
        bandwidthFactor = f
      default:
        throw .invalidConfiguration(
          "unknown option '\(key)'; expected groups, estimator, binning, bins, grid, stride, window, diagnostics, euclidean, histograms, seed, bandwidth or recipe"
        )
      }
    }
  }

  private static func integer(
    _ key: String, _ value: String, atLeast minimum: Int, atMost maximum: Int = .max
  ) throws(GeometryError) -> Int {
    guard let n = Int(value), n >= minimum, n <= maximum else {
      let range = maximum == .max ? "≥ \(minimum)" : "in \(minimum) … \(maximum)"
      throw .invalidConfiguration("\(key): expected an integer \(range), got '\(value)'")
    }
    return n
  }
}
