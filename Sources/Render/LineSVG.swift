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
        let frame = PlotFrame(width: 640, height: 380, left: 70, top: 36, right: 622, bottom: 326,
                              x: .linear((xs.min() ?? 0)...(xs.max() ?? 1), count: 6),
                              y: .linear((ys.min() ?? 0)...(ys.max() ?? 1), count: 5))
        var svg = frame.opening(title: plot.title, standalone: standalone)
        svg += "<text class=\"title\" x=\"\(SVG.number(frame.left))\" y=\"22\">\(Escaping.text(plot.title))</text>\n"
        svg += frame.axes(xLabel: plot.xLabel, yLabel: curves.count == 1 ? curves[0].0 : "value")
        var drawn = ""
        for (k, curve) in curves.enumerated() {
            let style = k % FigureStyle.seriesColours.count
            let coordinates = curve.1.map { (frame.px($0.0), frame.py($0.1)) }
            drawn += "<g class=\"series\">\n" + SVG.polyline(coordinates, class: "series-\(style)")
            // About twenty markers a line: enough to tell lines apart, few enough to see each.
            let every = max(1, (coordinates.count + 19) / 20)
            for (index, point) in coordinates.enumerated() where index % every == 0 || index == coordinates.count - 1 {
                drawn += SVG.marker(k, at: point, class: "marker-\(style)")
            }
            drawn += "</g>\n"
        }
        svg += frame.clippedArea(drawn)
        if curves.count > 1 {
            svg += FigureLegend.render(curves.enumerated().map { (.series($0.offset), $0.element.0) }, inside: frame)
        }
        return svg + "</svg>\n"
    }
}
