/// How a value's unit mass is assigned to histogram bins.
///
/// Convergence in K (measured on 10⁶ fixed draws of N(μ, 1) drifting by 0.25 per step, fixed grid
/// [−6, 6.75], naive distance): |relative error of Γ| at K = 8, 16, 32, 64, 128 is 9.2%, 2.6%, 0.70%,
/// 0.14%, 0.10% with nearest binning and 16%, 5.0%, 1.3%, 0.32%, 0.01% with linear binning: the
/// discretization loss falls like K⁻² until the edge-crossing noise (nearest) or the sample's own
/// deviation from the model takes over.
public enum BinningScheme: String, Sendable, Hashable, CaseIterable {
  /// Hard binning: the whole mass goes to the bin containing the value (the paper's recipe). A value that
  /// crosses a bin edge between snapshots moves its whole mass at once, so a finite set of slowly moving
  /// values produces a per-step distance that grows like √displacement.
  case nearest
  /// Linear (cloud-in-cell) binning: a value at fractional position `u` between the centres `c_i` and
  /// `c_{i+1}` gives `1 − u` to bin `i` and `u` to bin `i+1`. The histogram is then the sample density
  /// convolved with a triangle of half-width one bin (variance h²/6 for bin width h) sampled at the centres,
  /// and it changes continuously as values move. Within half a bin of the grid's edges the mass is shared
  /// with the underflow or overflow category, as if these were bins just outside the grid.
  case linear
}
