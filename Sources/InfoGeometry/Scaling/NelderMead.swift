/// The Nelder–Mead downhill simplex minimizer (the standard coefficients of Lagarias et al.,
/// SIAM J. Optim. 9, 112 (1998): reflection 1, expansion 2, contraction ½, shrink ½).
///
/// Deterministic: vertices are ordered by value with ties kept in vertex order, so the same
/// function and start give the same path. A NaN or infinite function value counts as +∞, so a
/// function can reject a region by returning `.infinity`. The search stops when both the spread
/// of the vertex values, max f − min f, is at most `valueTolerance` and every vertex lies within
/// `pointTolerance` (∞-norm) of the best one, or after `maximumIterations` iterations.
///
/// ```
/// let result = NelderMead().minimize(from: [-1.2, 1], steps: [0.1, 0.1]) { p in
///   100 * pow(p[1] - p[0] * p[0], 2) + pow(1 - p[0], 2)
/// }
/// result.point  // ≈ [1, 1]
/// ```
public struct NelderMead: Codable, Sendable, Equatable {
  /// The largest spread of function values over the simplex at convergence (default 10⁻¹⁰).
  public var valueTolerance: Double
  /// The largest ∞-norm distance of a vertex from the best one at convergence (default 10⁻⁸).
  public var pointTolerance: Double
  /// The iteration cap (default 2000); one iteration costs one to n + 2 evaluations.
  public var maximumIterations: Int

  /// A minimizer with the given tolerances and cap.
  public init(valueTolerance: Double = 1e-10, pointTolerance: Double = 1e-8, maximumIterations: Int = 2000) {
    self.valueTolerance = valueTolerance
    self.pointTolerance = pointTolerance
    self.maximumIterations = maximumIterations
  }

  /// The outcome of a minimization.
  public struct Result: Codable, Sendable, Equatable {
    /// The best vertex.
    public var point: [Double]
    /// The function value there.
    public var value: Double
    /// Iterations done.
    public var iterations: Int
    /// Function evaluations done.
    public var evaluations: Int
    /// True when the tolerances were met before the cap.
    public var converged: Bool
  }

  /// Minimizes `f` from the simplex with vertices `start` and `start + steps[k]·e_k`
  /// (k = 0…n−1; `steps` has one nonzero entry per coordinate, its sign chooses the side).
  public func minimize(from start: [Double], steps: [Double], _ f: ([Double]) -> Double) -> Result {
    let n = start.count
    var evaluations = 0
    func value(_ p: [Double]) -> Double {
      evaluations += 1
      let v = f(p)
      return v.isNaN ? .infinity : v
    }
    var simplex = [start]
    for k in 0..<n {
      var p = start
      p[k] += k < steps.count ? steps[k] : 0
      simplex.append(p)
    }
    var values = simplex.map(value)
    var iterations = 0
    var converged = false
    while true {
      let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
      simplex = order.map { simplex[$0] }
      values = order.map { values[$0] }
      if isConverged(simplex, values) {
        converged = true
        break
      }
      if iterations >= maximumIterations { break }
      iterations += 1
      var centroid = [Double](repeating: 0, count: n)
      for vertex in simplex.dropLast() {
        for k in 0..<n { centroid[k] += vertex[k] / Double(n) }
      }
      let worst = simplex[n]
      func along(_ t: Double) -> [Double] { (0..<n).map { centroid[$0] + t * (worst[$0] - centroid[$0]) } }
      let reflected = along(-1)
      let fr = value(reflected)
      if fr < values[0] {
        let expanded = along(-2)
        let fe = value(expanded)
        (simplex[n], values[n]) = fe < fr ? (expanded, fe) : (reflected, fr)
      } else if fr < values[n - 1] {
        (simplex[n], values[n]) = (reflected, fr)
      } else {
        let outside = fr < values[n]
        let contracted = along(outside ? -0.5 : 0.5)
        let fc = value(contracted)
        if outside ? fc <= fr : fc < values[n] {
          (simplex[n], values[n]) = (contracted, fc)
        } else {
          for i in 1...n {
            simplex[i] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[i][$0] - simplex[0][$0]) }
            values[i] = value(simplex[i])
          }
        }
      }
    }
    return Result(
      point: simplex[0], value: values[0], iterations: iterations, evaluations: evaluations,
      converged: converged)
  }

  private func isConverged(_ simplex: [[Double]], _ values: [Double]) -> Bool {
    guard let best = values.first, let worst = values.last, best.isFinite, worst.isFinite else {
      return false
    }
    guard worst - best <= valueTolerance else { return false }
    for vertex in simplex.dropFirst() {
      for k in vertex.indices where abs(vertex[k] - simplex[0][k]) > pointTolerance { return false }
    }
    return true
  }
}
