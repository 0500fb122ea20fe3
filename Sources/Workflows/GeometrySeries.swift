import Formats
import Foundation

/// The information-length series of a run as stored in geometry.csv: for each parameter group, the
/// monitored steps and L from each estimator (the reported one, naive, debiased, Gaussian).
public struct GeometrySeries: Sendable {
  /// The estimators whose L geometry.csv holds, by column.
  public enum Estimator: String, Codable, Sendable, CaseIterable {
    /// The estimator the run was configured to report (column `length`).
    case reported = "length"
    case naive = "length_naive"
    case debiased = "length_debiased"
    case gaussian = "length_gaussian"
  }

  public struct Group: Sendable {
    public var name: String
    public var steps: [Int] = []
    public var lengths: [Estimator: [Double]] = [:]
    public var velocities: [Double] = []
    public var means: [Double] = []
    public var standardDeviations: [Double] = []
    public var outsideMass: [Double] = []
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
    let g = try index("group"), s = try index("step"), v = try index("gamma")
    let m = try index("mean"), sd = try index("std"), under = try index("underflow"), over = try index("overflow")
    let lengthColumns = try Estimator.allCases.map { ($0, try index($0.rawValue)) }
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
      let k = position[name] ?? {
        groups.append(Group(name: name))
        position[name] = groups.count - 1
        return groups.count - 1
      }()
      groups[k].steps.append(Int(try number(s)))
      for (estimator, column) in lengthColumns { groups[k].lengths[estimator, default: []].append(try number(column)) }
      groups[k].velocities.append(try number(v))
      groups[k].means.append(try number(m))
      groups[k].standardDeviations.append(try number(sd))
      groups[k].outsideMass.append(try number(under) + number(over))
    }
    return GeometrySeries(groups: groups)
  }
}
