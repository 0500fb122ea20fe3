import Foundation
import Reporting

/// Small, fully specified figures and a report shared by the golden-file, well-formedness and
/// screenshot checks. Data are closed-form (no random numbers), so the goldens never drift.
enum Fixtures {
  /// Linear axes, two series (line; dashed line with markers), legend.
  static let linear: Figure = {
    let epochs = (0...20).map(Double.init)
    let train = epochs.map { (e: Double) -> Double in 2.3 * exp(-e / 6) + 0.05 }
    let test = epochs.map { (e: Double) -> Double in 2.3 * exp(-e / 6) + 0.15 + 0.001 * e * e }
    return Figure(
      title: "Training and test loss", xAxis: Axis("epoch"), yAxis: Axis("loss"),
      series: [
        PlotSeries("train", x: epochs, y: train),
        PlotSeries("test", x: epochs, y: test, style: .lineAndMarkers, dashed: true),
      ])
  }()

  /// Log–log axes: a power law L = 0.1·t^0.8 with a marker at t_c = 300 and its uncertainty band.
  static let logLog: Figure = {
    let t = (0...30).map { (k: Int) -> Double in pow(10, Double(k) / 10) }
    let length = t.map { (t: Double) -> Double in 0.1 * pow(t, 0.8) }
    let marker = Palette.color(at: 1)
    return Figure(
      title: "Information length L(t)", xAxis: Axis("step t", scale: .log10),
      yAxis: Axis("L (nats^½)", scale: .log10), series: [PlotSeries("L(t)", x: t, y: length)],
      bands: [ShadedBand("t_c ± σ", region: .xRange(lower: 200, upper: 450), color: marker)],
      markers: [VerticalMarker(x: 300, label: "t_c", color: marker)])
  }()

  /// 6 unevenly spaced steps × 5 value bins of a Gaussian whose width grows with log t.
  static let heatmap: Figure = {
    let times = [1.0, 3, 10, 20, 100, 1000]
    let edges = stride(from: -1.0, through: 1.0, by: 0.4).map { $0 }
    let values = times.map { t in
      let sigma = 0.2 + 0.1 * log10(t)
      return (0..<5).map { j in
        let centre = (edges[j] + edges[j + 1]) / 2
        return exp(-centre * centre / (2 * sigma * sigma))
      }
    }
    return Figure(
      title: "Weights of layer 1",
      xAxis: Axis("step t", scale: .log10),
      yAxis: Axis("weight value"),
      heatmap: Heatmap(times: times, valueEdges: edges, values: values, label: "density"))
  }()
}
