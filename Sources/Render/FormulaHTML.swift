import Chapter
import MathML
import Notation

/// Formulas in HTML: MathML drawn from the tree tutor read (so what the reader
/// sees is what was checked). Prose math outside the subset tutor reads is
/// typeset as written; a display formula or anything else is shown as source,
/// marked as such.
enum FormulaHTML {
    static func inline(_ math: InlineMath) -> String {
        // Read once: the reading gives the MathML, or else the reason it is shown as source.
        let reading = readFormula(math.latex, at: math.location)
        if let typeset = typeset(math.latex, reading: reading, at: math.location, display: math.isDisplayStyle) {
            return typeset
        }
        let style = math.isDisplayStyle ? " display-style" : ""
        return "<code class=\"math source\(style)\" title=\"shown as written: neither read nor typeset by tutor"
            + "\(Escaping.text(reason(reading.diagnostics)))\">\(Escaping.text(math.latex))</code>"
    }

    /// Prose math as MathML, or nil when it is outside what tutor typesets
    /// (shown as source then, with a warning: `typesettingWarnings`).
    static func typeset(_ math: InlineMath) -> String? {
        typeset(
            math.latex, reading: readFormula(math.latex, at: math.location), at: math.location,
            display: math.isDisplayStyle)
    }

    /// A display formula as MathML without checking it, or nil when it is
    /// outside what tutor typesets.
    static func typeset(_ math: DisplayMath) -> String? {
        typeset(math.latex, reading: math.reading, at: math.location, display: true)
    }

    /// LaTeX as MathML from what the formula reader made of it: its equations, else
    /// the expression it is, else typeset as written; nil when none of these can be drawn.
    private static func typeset(
        _ latex: String, reading: FormulaReading, at location: SourceLocation,
        display: Bool
    ) -> String? {
        if reading.diagnostics.isEmpty, !reading.equations.isEmpty {
            return MathML.render(reading.equations, display: display)
        }
        if case let .success(expression) = readMathExpression(latex, at: location) {
            return MathML.element(MathML.render(expression), display: display)
        }
        return LaTeXTypesetting.mathML(latex, display: display)
    }

    /// Where and why reading stopped, for the note beside a formula shown as source.
    private static func reason(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.first.map { " (line \($0.location.line), column \($0.location.column): \($0.message))" } ?? ""
    }

    /// A display formula: MathML from the tree tutor read (an algorithm box row by
    /// row), else typeset as written, else its source with where and why tutor
    /// could not read it.
    static func display(_ math: DisplayMath) -> String {
        let reading = math.reading
        if reading.diagnostics.isEmpty, !reading.rows.isEmpty {
            return "<div class=\"formula\">\(AlgorithmBoxMathML.render(reading))</div>"
        }
        if reading.diagnostics.isEmpty, !reading.equations.isEmpty {
            return "<div class=\"formula\">\(MathML.render(reading.equations, display: true))</div>"
        }
        // A formula shown unchecked needs only to look right; it has no reason to give.
        if math.isShownUnchecked {
            guard let typeset = typeset(math) else {
                return "<div class=\"formula source\"><code>\(Escaping.text(math.latex))</code></div>"
            }
            return "<div class=\"formula\">\(typeset)</div>"
        }
        if let typeset = typeset(math) {
            return "<div class=\"formula\">\(typeset)"
                + "<p class=\"note\">typeset as written, not read, so not checked\(Escaping.text(reason(reading.diagnostics)))</p></div>"
        }
        return "<div class=\"formula source\"><code>\(Escaping.text(math.latex))</code>"
            + "<p class=\"note\">shown as written: neither read nor typeset by tutor\(Escaping.text(reason(reading.diagnostics)))</p></div>"
    }
}
