import Foundation
import MathML
import Notation
import Runner

/// A function of two parameters as contour lines, with the path training took
/// drawn over it, as an SVG figure.
///
/// Levels run from blue (low) to orange (high), and the key names each one.
enum ContourSVG {
    /// The contour lines of a surface in grid coordinates: the levels, and for
    /// each the segments where the sampled function crosses it.
    struct Contours {
        var levels: [Double]
        var segments: [[MarchingSquares.Segment]]
    }

    static func contours(_ surface: SurfacePlotResult) -> Contours {
        let levels = contourLevels(surface.values.flatMap { $0 }.filter(\.isFinite))
        return Contours(levels: levels, segments: levels.map { MarchingSquares.segments(surface.values, level: $0) })
    }

    static func render(_ surface: SurfacePlotResult, standalone: Bool) -> String {
        render(surface, contours: contours(surface), standalone: standalone)
    }

    static func render(_ surface: SurfacePlotResult, contours: Contours, standalone: Bool) -> String {
        let title = "\(surface.function) over \(surface.xName), \(surface.yName)"
        guard let x0 = surface.xs.first, let x1 = surface.xs.last,
            let y0 = surface.ys.first, let y1 = surface.ys.last
        else { return "" }
        let frame = PlotFrame(
            width: 640, height: 480, left: 70, top: 36, right: 530, bottom: 426,
            x: .linear(x0...x1, count: 6, fitted: true),
            y: .linear(y0...y1, count: 6, fitted: true))
        let levels = contours.levels

        var svg = frame.opening(title: title, standalone: standalone)
        svg += frame.title(title)
        svg += frame.axes(xLabel: surface.xName, yLabel: surface.yName)

        // Grid coordinates (column, row) to page coordinates.
        let columns = Double(surface.xs.count - 1), rows = Double(surface.ys.count - 1)
        func page(_ p: MarchingSquares.Point) -> (Double, Double) {
            (frame.px(interpolate(x0, x1, p.x, of: columns)), frame.py(interpolate(y0, y1, p.y, of: rows)))
        }
        var drawn = ""
        for (k, segments) in contours.segments.enumerated() {
            guard !segments.isEmpty else { continue }
            let d = segments.map { s -> String in
                let (a, b) = (page(s.from), page(s.to))
                return "M\(SVG.number(a.0)) \(SVG.number(a.1))L\(SVG.number(b.0)) \(SVG.number(b.1))"
            }.joined()
            drawn += "<path class=\"contour\" stroke=\"\(colour(k, of: levels.count))\" d=\"\(d)\"/>\n"
        }
        drawn += path(surface.path.map { (frame.px($0.x), frame.py($0.y)) })
        svg += frame.clippedArea(drawn)
        svg += key(levels, frame: frame, hasPath: !surface.path.isEmpty)
        return svg + "</svg>\n"
    }

    /// Ten levels at the 5th, 15th, … 95th percentiles of the sampled values,
    /// rounded to two significant digits: the levels crowd where the function
    /// is flat, so a bowl whose values span decades shows rings all the way in.
    static func contourLevels(_ values: [Double]) -> [Double] {
        let sorted = values.sorted()
        guard let low = sorted.first, let high = sorted.last, high > low else { return [] }
        var levels: [Double] = []
        for k in 0..<10 {
            let position = (Double(k) + 0.5) / 10 * Double(sorted.count - 1)
            let level = roundedToTwoDigits(sorted[Int(position.rounded())])
            if level > low, level < high, levels.last.map({ level > $0 }) ?? true { levels.append(level) }
        }
        return levels
    }

    private static func roundedToTwoDigits(_ x: Double) -> Double {
        guard x != 0 else { return 0 }
        let scale = pow(10, floor(log10(Swift.abs(x))) - 1)
        return (x / scale).rounded() * scale
    }

    /// From blue through teal and green to orange, all of a lightness that
    /// shows on white and on a dark page.
    private static func colour(_ k: Int, of count: Int) -> String {
        let stops: [(Double, Double, Double)] = [(47, 111, 219), (25, 160, 170), (80, 170, 60), (224, 112, 27)]
        let t = count > 1 ? Double(k) / Double(count - 1) : 0
        let scaled = t * Double(stops.count - 1)
        let i = min(Int(scaled), stops.count - 2), f = scaled - Double(i)
        let (a, b) = (stops[i], stops[i + 1])
        let channels = [a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f]
        return "#" + channels.map { String(format: "%02x", Int($0.rounded())) }.joined()
    }

    /// The training path, thinned to at most 300 points, open circle at the start
    /// and filled circle at the end.
    private static func path(_ points: [(Double, Double)]) -> String {
        guard let start = points.first, let end = points.last else { return "" }
        let every = max(1, (points.count + 299) / 300)
        var kept = points.enumerated().filter { $0.offset % every == 0 }.map(\.element)
        if points.count > 1, (points.count - 1) % every != 0 { kept.append(end) }
        var svg = "<g class=\"training-path\">\n"
        if kept.count > 1 { svg += SVG.polyline(kept, class: "path") }
        svg += "<circle class=\"path-start\" cx=\"\(SVG.number(start.0))\" cy=\"\(SVG.number(start.1))\" r=\"5.5\"/>\n"
        svg += "<circle class=\"path-end\" cx=\"\(SVG.number(end.0))\" cy=\"\(SVG.number(end.1))\" r=\"5.5\"/>\n"
        return svg + "</g>\n"
    }

    /// Levels from high (top) to low, then the path's markers.
    private static func key(_ levels: [Double], frame: PlotFrame, hasPath: Bool) -> String {
        let x = frame.right + 18
        var y = frame.top + 8
        var svg = "<g class=\"key\">\n<text x=\"\(SVG.number(x))\" y=\"\(SVG.number(y))\" dy=\"0.32em\">levels</text>\n"
        y += 20
        for (k, level) in levels.enumerated().reversed() {
            svg +=
                "<line class=\"contour\" stroke=\"\(colour(k, of: levels.count))\" stroke-width=\"3\" x1=\"\(SVG.number(x))\" y1=\"\(SVG.number(y))\" x2=\"\(SVG.number(x + 24))\" y2=\"\(SVG.number(y))\"/>\n"
            svg +=
                "<text x=\"\(SVG.number(x + 32))\" y=\"\(SVG.number(y))\" dy=\"0.32em\">\(Escaping.text(NumberText.format(level)))</text>\n"
            y += 20
        }
        if hasPath {
            y += 12
            svg += "<circle class=\"path-start\" cx=\"\(SVG.number(x + 12))\" cy=\"\(SVG.number(y))\" r=\"5.5\"/>\n"
            svg += "<text x=\"\(SVG.number(x + 32))\" y=\"\(SVG.number(y))\" dy=\"0.32em\">start</text>\n"
            y += 22
            svg += "<circle class=\"path-end\" cx=\"\(SVG.number(x + 12))\" cy=\"\(SVG.number(y))\" r=\"5.5\"/>\n"
            svg += "<text x=\"\(SVG.number(x + 32))\" y=\"\(SVG.number(y))\" dy=\"0.32em\">end</text>\n"
        }
        return svg + "</g>\n"
    }
}
