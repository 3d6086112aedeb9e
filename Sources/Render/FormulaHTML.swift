import Chapter
import Notation

/// Formulas in HTML: MathML drawn from the tree tutor read (so what the reader
/// sees is what was checked). Prose math outside the subset tutor reads is
/// typeset as written; a display formula or anything else is shown as source,
/// marked as such.
enum FormulaHTML {
    static func inline(_ math: InlineMath) -> String {
        let reading = readFormula(math.latex, at: math.location)
        if reading.diagnostics.isEmpty, !reading.equations.isEmpty {
            return MathML.render(reading.equations, display: math.isDisplayStyle)
        }
        if case let .success(expression) = readMathExpression(math.latex, at: math.location) {
            return MathML.element(MathML.render(expression), display: math.isDisplayStyle)
        }
        if let typeset = LaTeXTypesetting.mathML(math.latex, display: math.isDisplayStyle) { return typeset }
        let style = math.isDisplayStyle ? " display-style" : ""
        return "<code class=\"math source\(style)\" title=\"shown as written: neither read nor typeset by tutor"
            + "\(Escaping.text(reason(reading.diagnostics)))\">\(Escaping.text(math.latex))</code>"
    }

    /// Where and why reading stopped, for the note beside a formula shown as source.
    private static func reason(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.first.map { " (line \($0.location.line), column \($0.location.column): \($0.message))" } ?? ""
    }

    /// A display formula: MathML from the tree tutor read, else typeset as written,
    /// else its source with where and why tutor could not read it.
    static func display(_ math: DisplayMath) -> String {
        let reading = readFormula(math.latex, at: math.location)
        if reading.diagnostics.isEmpty, !reading.equations.isEmpty {
            return "<div class=\"formula\">\(MathML.render(reading.equations, display: true))</div>"
        }
        if case let .success(expression) = readMathExpression(math.latex, at: math.location) {
            return "<div class=\"formula\">\(MathML.element(MathML.render(expression), display: true))</div>"
        }
        if let typeset = LaTeXTypesetting.mathML(math.latex, display: true) {
            return "<div class=\"formula\">\(typeset)</div>"
        }
        return "<div class=\"formula source\"><code>\(Escaping.text(math.latex))</code>"
            + "<p class=\"note\">shown as written: neither read nor typeset by tutor\(Escaping.text(reason(reading.diagnostics)))</p></div>"
    }
}
