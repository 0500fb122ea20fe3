/// The parameters of a data collapse y·N^(−ζ) against (x − x_c)·N^(1/ν).
public struct CollapseParameters: Codable, Sendable, Equatable {
  /// x_c, the critical position in x (ln t or log10 t).
  public var criticalX: Double
  /// ν (> 0).
  public var nu: Double
  /// ζ.
  public var zeta: Double

  /// Parameters from their values.
  public init(criticalX: Double, nu: Double, zeta: Double) {
    self.criticalX = criticalX
    self.nu = nu
    self.zeta = zeta
  }

  /// (x_c, ν, ζ) as the minimizer's coordinates.
  var vector: [Double] { [criticalX, nu, zeta] }

  /// Parameters from the minimizer's coordinates.
  init(_ v: [Double]) { self.init(criticalX: v[0], nu: v[1], zeta: v[2]) }
}
