import Chapter

/// Formulas in HTML. For now the LaTeX source in a marked element; once formulas
/// are drawn as MathML, these two functions are the only places to change.
enum FormulaHTML {
    static func inline(_ math: InlineMath) -> String {
        let style = math.isDisplayStyle ? " display-style" : ""
        return "<code class=\"math\(style)\">\(Escaping.text(math.latex))</code>"
    }

    static func display(_ math: DisplayMath) -> String {
        "<div class=\"formula source\"><code>\(Escaping.text(math.latex))</code></div>"
    }
}
