import Runner

/// The titles and axis labels of the figures of values, written from what they plot.
extension LinePlotResult {
    /// "w, acc during training", or the vectors drawn.
    var title: String { series.map(\.label).joined(separator: ", ") + (overEpochs ? " during training" : "") }
    var xLabel: String { overEpochs ? "epoch" : "entry" }
}

extension ScatterPlotResult {
    /// "x by y, with the 0.5 contour of net(x)".
    var title: String {
        features + (labels.map { " by \($0)" } ?? "")
            + (boundary.map { ", with the 0.5 contour of \($0.function)" } ?? "")
    }
    var xLabel: String { "\(features), column 0" }
    var yLabel: String { "\(features), column 1" }
}

extension HistogramResult {
    var title: String { "Entries of \(value)" }
}

extension BarPlotResult {
    var title: String { "Entries of \(value)" }
}
