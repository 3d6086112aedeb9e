import Runner

/// Loss against epoch for one or several training runs, as an SVG figure.
///
/// The loss axis is logarithmic when the finite losses are positive and span
/// more than two decades: a loss falling from 13 to 10⁻¹⁴ is otherwise a
/// vertical line and a flat one. Non-finite losses (a diverged run) are left out.
enum LossCurveSVG {
    typealias Series = (label: String, log: [TrainingResult.Entry])

    static func render(_ series: [Series], title: String, standalone: Bool) -> String {
        let curves = series.map { s in (s.label, s.log.filter { $0.loss.isFinite }) }
        let points = curves.flatMap(\.1)
        let epochs = points.map { Double($0.epoch) }, losses = points.map(\.loss)
        let xData = (epochs.min() ?? 0)...(epochs.max() ?? 1)
        let yData = (losses.min() ?? 0)...(losses.max() ?? 1)
        let logarithmic = yData.lowerBound > 0 && yData.upperBound / yData.lowerBound > 100
        let frame = PlotFrame(width: 640, height: 380, left: 70, top: 36, right: 622, bottom: 326,
                              x: .linear(xData, count: 6),
                              y: logarithmic ? .logarithmic(yData) : .linear(yData, count: 5))

        var svg = frame.opening(title: title, standalone: standalone)
        svg += "<text class=\"title\" x=\"\(SVG.number(frame.left))\" y=\"22\">\(Escaping.text(title))</text>\n"
        svg += frame.axes(xLabel: "epoch", yLabel: logarithmic ? "loss (log scale)" : "loss")
        var drawn = ""
        for (k, curve) in curves.enumerated() {
            let style = k % FigureStyle.seriesColours.count
            let coordinates = curve.1.map { (frame.px(Double($0.epoch)), frame.py($0.loss)) }
            drawn += "<g class=\"series\">\n" + SVG.polyline(coordinates, class: "series-\(style)")
            // About twenty markers a curve: enough to tell series apart, few enough to see the line.
            let every = max(1, (coordinates.count + 19) / 20)
            for (index, point) in coordinates.enumerated() where index % every == 0 || index == coordinates.count - 1 {
                drawn += SVG.marker(k, at: point, class: "marker-\(style)")
            }
            drawn += "</g>\n"
        }
        svg += frame.clippedArea(drawn)
        if curves.count > 1 { svg += legend(curves.map(\.0), frame: frame) }
        return svg + "</svg>\n"
    }

    /// Top right, inside the frame, where a falling loss leaves room.
    private static func legend(_ labels: [String], frame: PlotFrame) -> String {
        let longest = labels.map(\.count).max() ?? 0
        let width = min(360, Double(longest) * 7 + 50), rowHeight = 20.0
        let x = frame.right - width - 8, y = frame.top + 8
        var svg = "<g class=\"legend\">\n"
        svg += "<rect class=\"legend-box\" x=\"\(SVG.number(x))\" y=\"\(SVG.number(y))\" width=\"\(SVG.number(width))\" height=\"\(SVG.number(Double(labels.count) * rowHeight + 8))\" rx=\"3\"/>\n"
        for (k, label) in labels.enumerated() {
            let style = k % FigureStyle.seriesColours.count
            let row = y + 4 + rowHeight * (Double(k) + 0.5)
            svg += "<line class=\"series-\(style)\" x1=\"\(SVG.number(x + 8))\" y1=\"\(SVG.number(row))\" x2=\"\(SVG.number(x + 36))\" y2=\"\(SVG.number(row))\"/>\n"
            svg += SVG.marker(k, at: (x + 22, row), class: "marker-\(style)")
            svg += "<text x=\"\(SVG.number(x + 42))\" y=\"\(SVG.number(row))\" dy=\"0.32em\">\(Escaping.text(label))</text>\n"
        }
        return svg + "</g>\n"
    }
}
