import Foundation
import MathML

/// The frame of a two-axis figure: where the plot area sits in the SVG, how
/// data maps onto it, and the axes, grid, ticks and labels around it.
struct PlotFrame {
    var width: Double
    var height: Double
    /// The plot area.
    var left: Double, top: Double, right: Double, bottom: Double
    var x: AxisTicks
    var y: AxisTicks

    func px(_ value: Double) -> Double { left + x.fraction(value) * (right - left) }
    func py(_ value: Double) -> Double { bottom - y.fraction(value) * (bottom - top) }

    /// `<svg …>` with a title for screen readers; a file of its own carries the
    /// namespace and the figure style, an inline figure gets both from the page.
    func opening(title: String, standalone: Bool) -> String {
        let size = "viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(height))\""
        var svg =
            standalone
            ? "<svg xmlns=\"http://www.w3.org/2000/svg\" \(size) width=\"\(SVG.number(width))\" height=\"\(SVG.number(height))\" class=\"figure-svg\" role=\"img\">\n"
            : "<svg \(size) class=\"figure-svg\" role=\"img\">\n"
        svg += "<title>\(Escaping.text(title))</title>\n"
        if standalone { svg += "<style>\n\(FigureStyle.standaloneCSS)</style>\n" }
        return svg
    }

    /// Grid lines, the frame, tick marks with labels, and the axis names.
    func axes(xLabel: String, yLabel: String) -> String {
        var svg = "<g class=\"axes\">\n"
        for value in x.values {
            let p = SVG.number(px(value))
            svg +=
                "<line class=\"grid\" x1=\"\(p)\" y1=\"\(SVG.number(top))\" x2=\"\(p)\" y2=\"\(SVG.number(bottom))\"/>\n"
            svg +=
                "<line class=\"tick\" x1=\"\(p)\" y1=\"\(SVG.number(bottom))\" x2=\"\(p)\" y2=\"\(SVG.number(bottom + 5))\"/>\n"
            svg +=
                "<text x=\"\(p)\" y=\"\(SVG.number(bottom + 19))\" text-anchor=\"middle\">\(Escaping.text(x.label(value)))</text>\n"
        }
        for value in y.values {
            let p = SVG.number(py(value))
            svg +=
                "<line class=\"grid\" x1=\"\(SVG.number(left))\" y1=\"\(p)\" x2=\"\(SVG.number(right))\" y2=\"\(p)\"/>\n"
            svg +=
                "<line class=\"tick\" x1=\"\(SVG.number(left - 5))\" y1=\"\(p)\" x2=\"\(SVG.number(left))\" y2=\"\(p)\"/>\n"
            svg +=
                "<text x=\"\(SVG.number(left - 8))\" y=\"\(p)\" dy=\"0.32em\" text-anchor=\"end\">\(Escaping.text(y.label(value)))</text>\n"
        }
        svg +=
            "<rect class=\"frame\" x=\"\(SVG.number(left))\" y=\"\(SVG.number(top))\" width=\"\(SVG.number(right - left))\" height=\"\(SVG.number(bottom - top))\"/>\n"
        svg +=
            "<text x=\"\(SVG.number((left + right) / 2))\" y=\"\(SVG.number(height - 8))\" text-anchor=\"middle\">\(Escaping.text(xLabel))</text>\n"
        let middle = SVG.number((top + bottom) / 2)
        svg +=
            "<text x=\"16\" y=\"\(middle)\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(middle))\">\(Escaping.text(yLabel))</text>\n"
        return svg + "</g>\n"
    }

    /// A nested `<svg>` over the plot area: what is drawn inside, in page
    /// coordinates, is clipped to the frame without needing an id.
    func clippedArea(_ content: String) -> String {
        "<svg x=\"\(SVG.number(left))\" y=\"\(SVG.number(top))\" width=\"\(SVG.number(right - left))\" height=\"\(SVG.number(bottom - top))\" viewBox=\"\(SVG.number(left)) \(SVG.number(top)) \(SVG.number(right - left)) \(SVG.number(bottom - top))\">\n"
            + content + "</svg>\n"
    }
}
