import Formats
import Foundation
import InfoGeometry

/// The information-length series of a run as stored in geometry.csv: for each parameter group, the
/// monitored steps and L from each estimator (the reported one, naive, debiased, kernel, Gaussian).
public struct GeometrySeries: Sendable {
  /// The estimators whose Γ and L geometry.csv holds (columns `gamma_<name>`, `length_<name>`), and
  /// the Euclidean comparator: S(t) = Σ‖θ_i − θ_{i−1}‖ and ‖Δθ‖ per step in the same columns' places.
  public enum Estimator: String, Codable, Sendable, CaseIterable {
    case naive
    case debiased
    case kernel
    case gaussian
    case euclidean

    public init(_ estimator: GeometryEstimator) {
      switch estimator {
      case .naive: self = .naive
      case .debiased: self = .debiased
      case .kernel: self = .kernel
      case .gaussian: self = .gaussian
      }
    }
  }

  public struct Group: Sendable {
    public var name: String
    public var steps: [Int] = []
    public var lengths: [Estimator: [Double]] = [:]
    public var velocities: [Estimator: [Double]] = [:]
    public var means: [Double] = []
    public var standardDeviations: [Double] = []
    public var minima: [Double] = []
    public var maxima: [Double] = []
    public var outsideMass: [Double] = []
    /// Values in the group at each step.
    public var counts: [Int] = []
  }

  /// Groups in the order they first appear in the file ("all" first by default).
  public var groups: [Group]

  public func group(_ name: String) -> Group? { groups.first { $0.name == name } }

  /// Reads geometry.csv (a truncated last line is dropped).
  public static func read(_ url: URL) throws -> GeometrySeries {
    let csv = try CSVReader(contentsOf: url)
    func index(_ name: String) throws -> Int {
      guard let i = csv.header.firstIndex(of: name) else {
        throw RunDirectoryError(path: url.path, problem: "column '\(name)' is missing")
      }
      return i
    }
    let g = try index("group")
    let s = try index("step")
    let m = try index("mean")
    let sd = try index("std")
    let under = try index("underflow")
    let over = try index("overflow")
    let lo = try index("min")
    let hi = try index("max")
    let count = try index("count")
    // The Euclidean and kernel columns are optional: runs written before they existed lack them.
    let columns = try Estimator.allCases.compactMap { e -> (Estimator, Int, Int)? in
      if [.euclidean, .kernel].contains(e) && !csv.header.contains("length_" + e.rawValue) { return nil }
      return (e, try index("length_" + e.rawValue), try index("gamma_" + e.rawValue))
    }
    var groups: [Group] = []
    var position: [String: Int] = [:]
    for (line, row) in csv.rows.enumerated() {
      func number(_ i: Int) throws -> Double {
        guard let x = Double(row[i]) else {
          throw RunDirectoryError(
            path: url.path, problem: "row \(line + 2): \(csv.header[i]) is '\(row[i])', not a number")
        }
        return x
      }
      let name = row[g]
      let k =
        position[name]
        ?? {
          groups.append(Group(name: name))
          position[name] = groups.count - 1
          return groups.count - 1
        }()
      groups[k].steps.append(Int(try number(s)))
      for (estimator, length, velocity) in columns {
        groups[k].lengths[estimator, default: []].append(try number(length))
        groups[k].velocities[estimator, default: []].append(try number(velocity))
      }
      groups[k].means.append(try number(m))
      groups[k].standardDeviations.append(try number(sd))
      groups[k].minima.append(try number(lo))
      groups[k].maxima.append(try number(hi))
      groups[k].counts.append(Int(try number(count)))
      groups[k].outsideMass.append(try number(under) + number(over))
    }
    return GeometrySeries(groups: groups)
  }
}
