import MathML
import Runner

/// Values as lines: a vector against its entries' index, or values recorded
/// over the epochs of a training. Values that are not finite are left out.
enum LineSVG {
    static func render(_ plot: LinePlotResult, standalone: Bool) -> String {
        let curves = plot.series.map { s in
            (s.label, zip(s.xs, s.ys).filter { $0.0.isFinite && $0.1.isFinite })
        }
        let points = curves.flatMap(\.1)
        let xs = points.map(\.0), ys = points.map(\.1)
        let frame = PlotFrame(
            width: 640, height: 380, left: 70, top: 36, right: 622, bottom: 326,
            x: .linear((xs.min() ?? 0)...(xs.max() ?? 1), count: 6),
            y: .linear((ys.min() ?? 0)...(ys.max() ?? 1), count: 5))
        var svg = frame.opening(title: plot.title, standalone: standalone)
        svg += frame.title(plot.title)
        svg += frame.axes(xLabel: plot.xLabel, yLabel: curves.count == 1 ? curves[0].0 : "value")
        svg += frame.seriesLines(curves.map { $0.1.map { (x: $0.0, y: $0.1) } })
        if curves.count > 1 {
            svg += FigureLegend.render(curves.enumerated().map { (.series($0.offset), $0.element.0) }, inside: frame)
        }
        return svg + "</svg>\n"
    }
}
