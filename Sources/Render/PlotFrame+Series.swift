import MathML

/// What the figures of lines draw in a frame: their title, and each series as a line.
extension PlotFrame {
    /// The figure's title, above the plot area.
    func title(_ text: String) -> String {
        "<text class=\"title\" x=\"\(SVG.number(left))\" y=\"22\">\(Escaping.text(text))</text>\n"
    }

    /// Each series as a line in its colour with markers, clipped to the plot area.
    func seriesLines(_ series: [[(x: Double, y: Double)]]) -> String {
        var drawn = ""
        for (k, points) in series.enumerated() {
            let style = k % FigureStyle.seriesColours.count
            let coordinates = points.map { (px($0.x), py($0.y)) }
            drawn += "<g class=\"series\">\n" + SVG.polyline(coordinates, class: "series-\(style)")
            // About twenty markers a line: enough to tell lines apart, few enough to see each.
            let every = max(1, (coordinates.count + 19) / 20)
            for (index, point) in coordinates.enumerated() where index % every == 0 || index == coordinates.count - 1 {
                drawn += SVG.marker(k, at: point, class: "marker-\(style)")
            }
            drawn += "</g>\n"
        }
        return clippedArea(drawn)
    }
}
