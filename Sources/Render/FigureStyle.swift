/// The look of every figure, as CSS classes: the page's stylesheet carries it for
/// inline figures (so they follow its light or dark scheme), and an SVG file
/// written beside a Markdown page carries its own copy.
///
/// Series differ by dash pattern and marker shape as well as colour, so they
/// stay apart in print and for readers who do not see the colours.
enum FigureStyle {
    /// Colours of mid lightness, legible on white and on a dark background.
    /// Eight, each with its own dash and marker, so a chapter's runs in one
    /// figure do not repeat a style (the fifth draws hollow markers).
    static let seriesColours = [
        "#2f6fdb", "#e0701b", "#2a9d5c", "#b548c6",
        "#d13f45", "#1597a6", "#9c7a12", "#7d8590",
    ]
    static let dashes = ["none", "7 4", "2 3", "9 3 2 3", "4 2", "12 3", "2 2 6 2", "1 5"]

    /// The class on every figure's `<svg>`, which also marks an SVG file as tutor's.
    static let mark = "class=\"figure-svg\""

    static let css: String = {
        var rules = """
            .figure-svg { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
            .figure-svg text { fill: currentColor; font-size: 13px; }
            .figure-svg .title { font-size: 15px; font-weight: 600; }
            .figure-svg .grid { stroke: currentColor; stroke-opacity: 0.12; stroke-width: 1; }
            .figure-svg .frame { fill: none; stroke: currentColor; stroke-opacity: 0.6; stroke-width: 1; }
            .figure-svg .tick { stroke: currentColor; stroke-opacity: 0.6; }
            .figure-svg .legend-box { fill: var(--figure-background, Canvas); fill-opacity: 0.85; stroke: currentColor; stroke-opacity: 0.3; }
            .figure-svg .contour { fill: none; stroke-width: 1.3; }
            .figure-svg .path { fill: none; stroke: currentColor; stroke-width: 2.2; stroke-linejoin: round; }
            .figure-svg .path-start { fill: var(--figure-background, Canvas); stroke: currentColor; stroke-width: 2; }
            .figure-svg .path-end { fill: currentColor; stroke: var(--figure-background, Canvas); stroke-width: 1.5; }

            """
        for (k, colour) in seriesColours.enumerated() {
            let dash = dashes[k] == "none" ? "" : " stroke-dasharray: \(dashes[k]);"
            rules += ".figure-svg .series-\(k) { fill: none; stroke: \(colour); stroke-width: 2;\(dash) }\n"
            rules +=
                k < 4
                ? ".figure-svg .marker-\(k) { fill: \(colour); stroke: var(--figure-background, Canvas); stroke-width: 1; }\n"
                : ".figure-svg .marker-\(k) { fill: var(--figure-background, Canvas); stroke: \(colour); stroke-width: 1.6; }\n"
        }
        return rules
    }()

    /// For an SVG file on its own: its text colour follows the viewer's scheme.
    static let standaloneCSS =
        ":root { color-scheme: light dark; }\n" + css + """
            .figure-svg { color: #222; }
            @media (prefers-color-scheme: dark) { .figure-svg { color: #ddd; } }

            """
}
