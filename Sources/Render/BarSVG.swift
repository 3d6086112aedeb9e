import MathML
import Notation
import Runner

/// A vector's entries as bars from zero, one per entry at its index: a bar
/// above the zero line for a positive entry, below it for a negative one.
enum BarSVG {
    static func render(_ plot: BarPlotResult, standalone: Bool) -> String {
        // Zero is always on the axis, so a bar's length reads as its value.
        let lowest = min(0, plot.values.min() ?? 0), highest = max(0, plot.values.max() ?? 0)
        let frame = PlotFrame(
            width: 640, height: 380, left: 70, top: 36, right: 622, bottom: 326,
            x: .linear(
                -0.5...(Double(max(plot.count, 1)) - 0.5), count: min(plot.count, 8),
                fitted: true),
            y: .linear(lowest...(highest > lowest ? highest : 1), count: 5))
        var svg = frame.opening(title: plot.title, standalone: standalone)
        svg += "<text class=\"title\" x=\"\(SVG.number(frame.left))\" y=\"22\">\(Escaping.text(plot.title))</text>\n"
        svg += frame.axes(xLabel: "entry", yLabel: plot.value)
        let zero = frame.py(0)
        var bars = "<g class=\"bars\">\n"
        for (index, value) in zip(plot.indices, plot.values) {
            let x0 = frame.px(Double(index) - 0.4), x1 = frame.px(Double(index) + 0.4)
            let end = frame.py(value)
            let top = min(zero, end), height = abs(zero - end)
            bars +=
                "<rect class=\"bar\" \(HistogramSVG.barStyle) x=\"\(SVG.number(x0))\" y=\"\(SVG.number(top))\" width=\"\(SVG.number(x1 - x0))\" height=\"\(SVG.number(height))\"><title>\(index): \(Escaping.text(NumberText.format(value)))</title></rect>\n"
        }
        svg += frame.clippedArea(bars + "</g>\n")
        return svg + "</svg>\n"
    }
}
