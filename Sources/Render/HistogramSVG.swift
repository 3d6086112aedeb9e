import MathML
import Runner

/// A value's entries counted in equal bins, one bar per bin.
enum HistogramSVG {
    /// Presentation attributes, so the page's stylesheet needs no rule of its own.
    static let barStyle =
        "fill=\"#2f6fdb\" fill-opacity=\"0.75\" stroke=\"currentColor\" stroke-opacity=\"0.4\" stroke-width=\"0.5\""

    static func render(_ plot: HistogramResult, standalone: Bool) -> String {
        let highest = plot.counts.max() ?? 0
        let frame = PlotFrame(
            width: 640, height: 380, left: 70, top: 36, right: 622, bottom: 326,
            x: .linear(plot.lower...plot.upper, count: 6, fitted: true),
            y: .linear(0...Double(max(5, highest)), count: 5))  // whole counts: ticks 1 apart at least
        var svg = frame.opening(title: plot.title, standalone: standalone)
        svg += frame.title(plot.title)
        svg += frame.axes(xLabel: plot.value, yLabel: "entries")
        var bars = "<g class=\"bars\">\n"
        let bins = Double(plot.counts.count)
        for (k, count) in plot.counts.enumerated() where count > 0 {
            let x0 = frame.px(interpolate(plot.lower, plot.upper, Double(k), of: bins))
            let x1 = frame.px(interpolate(plot.lower, plot.upper, Double(k + 1), of: bins))
            let top = frame.py(Double(count))
            bars +=
                "<rect class=\"bar\" \(barStyle) x=\"\(SVG.number(x0))\" y=\"\(SVG.number(top))\" width=\"\(SVG.number(x1 - x0))\" height=\"\(SVG.number(frame.bottom - top))\"><title>\(count)</title></rect>\n"
        }
        svg += frame.clippedArea(bars + "</g>\n")
        return svg + "</svg>\n"
    }
}
