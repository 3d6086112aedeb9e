import MathML
import Runner

/// Loss against epoch for one or several training runs, as an SVG figure.
///
/// The loss axis is logarithmic when the finite losses are positive and span
/// more than two decades: a loss falling from 13 to 10⁻¹⁴ is otherwise a
/// vertical line and a flat one. Non-finite losses (a diverged run) are left out.
///
/// The loss axis says what is drawn, as the chapter wrote it (`U = -L`), so a run
/// that minimises −L and diverges does not read as a loss that falls; where the
/// curves minimised different losses, the legend names each one's loss.
enum LossCurveSVG {
    typealias Series = (label: String, log: [TrainingResult.Entry], loss: TrainedLoss?)

    static func render(_ series: [Series], title: String, standalone: Bool) -> String {
        let minimised = distinctLosses(series)
        let curves = series.map { s in
            (
                minimised.count > 1 ? "\(s.loss?.name ?? "loss") · \(s.label)" : s.label,
                s.log.filter { $0.loss.isFinite }
            )
        }
        let points = curves.flatMap(\.1)
        let epochs = points.map { Double($0.epoch) }, losses = points.map(\.loss)
        let xData = (epochs.min() ?? 0)...(epochs.max() ?? 1)
        let yData = (losses.min() ?? 0)...(losses.max() ?? 1)
        let logarithmic = yData.lowerBound > 0 && yData.upperBound / yData.lowerBound > 100
        let frame = PlotFrame(
            width: 640, height: 380, left: 70, top: 36, right: 622, bottom: 326,
            x: .linear(xData, count: 6),
            y: logarithmic ? .logarithmic(yData) : .linear(yData, count: 5))

        var svg = frame.opening(title: title, standalone: standalone)
        svg += frame.title(title)
        let drawn = minimised.count == 1 ? axisName(minimised[0]) : "loss"
        svg += frame.axes(xLabel: "epoch", yLabel: logarithmic ? "\(drawn) (log scale)" : drawn)
        svg += frame.seriesLines(curves.map { $0.1.map { (x: Double($0.epoch), y: $0.loss) } })
        if curves.count > 1 { svg += legend(curves.map(\.0), frame: frame) }
        return svg + "</svg>\n"
    }

    /// The losses the curves minimised, each once, in order; an unknown loss counts as one.
    private static func distinctLosses(_ series: [Series]) -> [TrainedLoss?] {
        var losses: [TrainedLoss?] = []
        for s in series where !losses.contains(where: { $0 == s.loss }) { losses.append(s.loss) }
        return losses
    }

    /// `U = -L`; the name alone when the expression would not fit along the axis.
    static func axisName(_ loss: TrainedLoss?) -> String {
        guard let loss else { return "loss" }
        let written = "\(loss.name) = \(loss.expression)"
        // With " (log scale)" after it, 36 characters is about the height of the plot.
        return written.count <= 36 ? written : loss.name
    }

    /// Top right, inside the frame, where a falling loss leaves room.
    private static func legend(_ labels: [String], frame: PlotFrame) -> String {
        let longest = labels.map(\.count).max() ?? 0
        let width = min(360, Double(longest) * 7 + 50), rowHeight = 20.0
        let x = frame.right - width - 8, y = frame.top + 8
        var svg = "<g class=\"legend\">\n"
        svg +=
            "<rect class=\"legend-box\" x=\"\(SVG.number(x))\" y=\"\(SVG.number(y))\" width=\"\(SVG.number(width))\" height=\"\(SVG.number(Double(labels.count) * rowHeight + 8))\" rx=\"3\"/>\n"
        for (k, label) in labels.enumerated() {
            let style = k % FigureStyle.seriesColours.count
            let row = y + 4 + rowHeight * (Double(k) + 0.5)
            svg +=
                "<line class=\"series-\(style)\" x1=\"\(SVG.number(x + 8))\" y1=\"\(SVG.number(row))\" x2=\"\(SVG.number(x + 36))\" y2=\"\(SVG.number(row))\"/>\n"
            svg += SVG.marker(k, at: (x + 22, row), class: "marker-\(style)")
            svg +=
                "<text x=\"\(SVG.number(x + 42))\" y=\"\(SVG.number(row))\" dy=\"0.32em\">\(Escaping.text(label))</text>\n"
        }
        return svg + "</g>\n"
    }
}
