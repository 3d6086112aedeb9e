import MathML

/// A figure's key: one row per entry with its sample (a line with a marker, a
/// marker alone, or a plain line) and its label, in a box.
enum FigureLegend {
    enum Sample {
        /// A series' line and marker, styled as series `k`.
        case series(Int)
        /// Series `k`'s marker alone, as a scatter plot draws points.
        case marker(Int)
        /// A line with the given attributes (a boundary's style).
        case line(attributes: String)
    }

    typealias Entry = (sample: Sample, label: String)

    /// About 7 pixels a character, room for the sample, at most 360.
    static func width(_ entries: [Entry]) -> Double {
        min(360, Double(entries.map(\.label.count).max() ?? 0) * 7 + 50)
    }

    /// Inside the frame, top right, where a falling line leaves room.
    static func render(_ entries: [Entry], inside frame: PlotFrame) -> String {
        render(entries, x: frame.right - width(entries) - 8, y: frame.top + 8)
    }

    /// With its top left corner at (x, y).
    static func render(_ entries: [Entry], x: Double, y: Double) -> String {
        guard !entries.isEmpty else { return "" }
        let width = width(entries), rowHeight = 20.0
        var svg = "<g class=\"legend\">\n"
        svg +=
            "<rect class=\"legend-box\" x=\"\(SVG.number(x))\" y=\"\(SVG.number(y))\" width=\"\(SVG.number(width))\" height=\"\(SVG.number(Double(entries.count) * rowHeight + 8))\" rx=\"3\"/>\n"
        for (index, entry) in entries.enumerated() {
            let row = y + 4 + rowHeight * (Double(index) + 0.5)
            let line = { (attributes: String) in
                "<line \(attributes) x1=\"\(SVG.number(x + 8))\" y1=\"\(SVG.number(row))\" x2=\"\(SVG.number(x + 36))\" y2=\"\(SVG.number(row))\"/>\n"
            }
            switch entry.sample {
            case let .series(k):
                let style = k % FigureStyle.seriesColours.count
                svg += line("class=\"series-\(style)\"") + SVG.marker(k, at: (x + 22, row), class: "marker-\(style)")
            case let .marker(k):
                svg += SVG.marker(k, at: (x + 22, row), class: "marker-\(k % FigureStyle.seriesColours.count)")
            case let .line(attributes):
                svg += line(attributes)
            }
            svg +=
                "<text x=\"\(SVG.number(x + 42))\" y=\"\(SVG.number(row))\" dy=\"0.32em\">\(Escaping.text(entry.label))</text>\n"
        }
        return svg + "</g>\n"
    }
}
