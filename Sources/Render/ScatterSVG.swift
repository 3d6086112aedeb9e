import MathML
import Notation
import Runner

/// Points of two feature columns, each label in a style of its own (colour
/// and marker shape), with the boundary where the model's output crosses 0.5.
enum ScatterSVG {
    /// Points drawn at most; beyond, every k-th row is drawn, always the same ones.
    static let maximumPoints = 5000

    /// The key stands right of the frame, which it would hide points in; the
    /// figure is as wide as the key needs.
    static func render(_ plot: ScatterPlotResult, standalone: Bool) -> String {
        var entries: [FigureLegend.Entry] = plot.classes.enumerated().map {
            (.marker($0.offset), "label \(NumberText.format($0.element))")
        }
        if let boundary = plot.boundary {
            entries.append(
                (
                    .line(attributes: "class=\"boundary\" " + boundaryStyle),
                    "\(boundary.function) = \(NumberText.format(boundary.level))"
                ))
        }
        let right = 530.0
        let width = entries.isEmpty ? 560 : right + 18 + FigureLegend.width(entries) + 8
        let frame = PlotFrame(
            width: width, height: 480, left: 70, top: 36, right: right, bottom: 426,
            x: .linear(plot.xRange, count: 6, fitted: true),
            y: .linear(plot.yRange, count: 6, fitted: true))
        var svg = frame.opening(title: plot.title, standalone: standalone)
        svg += frame.title(plot.title)
        svg += frame.axes(xLabel: plot.xLabel, yLabel: plot.yLabel)
        var drawn = ""
        if let boundary = plot.boundary { drawn += self.boundary(boundary, frame: frame) }
        let every = max(1, (plot.points.count + maximumPoints - 1) / maximumPoints)
        let byClass = Dictionary(
            grouping: plot.points.enumerated().filter { $0.offset % every == 0 }.map(\.element),
            by: \.label)
        for k in byClass.keys.sorted() {
            drawn += "<g class=\"points\">\n"
            for point in byClass[k]! where point.x.isFinite && point.y.isFinite {
                drawn += SVG.marker(
                    k, at: (frame.px(point.x), frame.py(point.y)),
                    class: "marker-\(k % FigureStyle.seriesColours.count)")
            }
            drawn += "</g>\n"
        }
        svg += frame.clippedArea(drawn)
        return svg + FigureLegend.render(entries, x: right + 18, y: frame.top) + "</svg>\n"
    }

    /// Presentation attributes rather than a rule of the page's stylesheet,
    /// as contour colours are: the page's style is the same with or without one.
    static let boundaryStyle = "fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" stroke-dasharray=\"6 3\""

    /// The contour at the boundary's level, by marching squares on its grid.
    private static func boundary(_ boundary: ScatterPlotResult.Boundary, frame: PlotFrame) -> String {
        guard let x0 = boundary.xs.first, let x1 = boundary.xs.last,
            let y0 = boundary.ys.first, let y1 = boundary.ys.last
        else { return "" }
        let columns = Double(boundary.xs.count - 1), rows = Double(boundary.ys.count - 1)
        func page(_ p: MarchingSquares.Point) -> (Double, Double) {
            (frame.px(interpolate(x0, x1, p.x, of: columns)), frame.py(interpolate(y0, y1, p.y, of: rows)))
        }
        let segments = MarchingSquares.segments(boundary.values, level: boundary.level)
        guard !segments.isEmpty else { return "" }
        let d = segments.map { s -> String in
            let (a, b) = (page(s.from), page(s.to))
            return "M\(SVG.number(a.0)) \(SVG.number(a.1))L\(SVG.number(b.0)) \(SVG.number(b.1))"
        }.joined()
        return "<path class=\"boundary\" \(boundaryStyle) d=\"\(d)\"/>\n"
    }
}
