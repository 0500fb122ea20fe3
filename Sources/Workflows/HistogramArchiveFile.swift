import Formats
import Foundation
import InfoGeometry

/// histograms.csv: the whole parameter histograms the monitor stored at log-spaced steps, one row per
/// bin — `group, step, bin_left, bin_right, mass` — with the out-of-grid mass as rows whose open edge
/// is `-inf` or `inf`. Masses of one (group, step) sum to 1.
public enum HistogramArchiveFile {
  public static let header = ["group", "step", "bin_left", "bin_right", "mass"]

  public static func write(_ monitor: GeometryMonitor, to url: URL) throws {
    let writer = try CSVWriter(creating: url, header: header)
    for group in monitor.groupNames {
      for h in monitor.storedHistograms(group: group) {
        let step = String(h.step)
        try writer.write([h.group, step, "-inf", String(h.lowerEdge), String(h.underflow)])
        for (k, mass) in h.masses.enumerated() {
          let left = h.lowerEdge + Double(k) * h.binWidth
          try writer.write([h.group, step, String(left), String(left + h.binWidth), String(mass)])
        }
        let top = h.lowerEdge + Double(h.masses.count) * h.binWidth
        try writer.write([h.group, step, String(top), "inf", String(h.overflow)])
      }
    }
    try writer.flush()
  }

  /// Reads histograms.csv back into stored histograms (the bins of each group and step in file order).
  public static func read(_ url: URL) throws -> [StoredHistogram] {
    let csv = try CSVReader(contentsOf: url)
    guard csv.header == header else {
      throw RunDirectoryError(path: url.path, problem: "expected columns \(header.joined(separator: ","))")
    }
    var result: [StoredHistogram] = []
    for (line, row) in csv.rows.enumerated() {
      guard let step = Int(row[1]), let left = Double(row[2]), let right = Double(row[3]),
        let mass = Double(row[4])
      else {
        throw RunDirectoryError(path: url.path, problem: "row \(line + 2) is not group,step,left,right,mass")
      }
      if left == -.infinity {
        result.append(
          StoredHistogram(
            group: row[0], step: step, lowerEdge: right, binWidth: 0, masses: [], underflow: mass, overflow: 0
          ))
      } else if right == .infinity, !result.isEmpty {
        result[result.count - 1].overflow = mass
      } else if !result.isEmpty {
        result[result.count - 1].masses.append(mass)
        result[result.count - 1].binWidth = right - left
      }
    }
    return result
  }
}

/// diagnostics.json: how much L depends on the bin count and on the stride, per group, and the
/// monitor's warnings (out-of-grid mass, naive vs debiased L, K/4 vs 4K).
public struct GeometryDiagnosticsFile: Codable, Sendable {
  public var resolution: [SensitivityCurve]
  public var stride: [SensitivityCurve]
  public var warnings: [String]

  public init(monitor: GeometryMonitor) {
    resolution = monitor.groupNames.compactMap { monitor.resolutionCurve(group: $0) }
    stride = monitor.groupNames.compactMap { monitor.strideCurve(group: $0) }
    warnings = monitor.warnings.map(\.message)
  }
}
