import Notation

/// An algorithm box drawn as its author laid it out: one row per line, indented
/// as written, keywords in bold, each `\textbf{if}` with its test, and the
/// equations from the tree tutor read and checked.
public enum AlgorithmBoxMathML {
    public static func render(_ reading: FormulaReading) -> String {
        let rows = reading.rows.map { row -> String in
            let content: String
            switch row.kind {
            case let .equations(indices):
                content = indices.filter { $0 < reading.equations.count }.map { index in
                    let equation = reading.equations[index]
                    return MathML.render(equation.left) + mo(equation.relation) + MathML.render(equation.right)
                }.joined(separator: mo(",") + "<mspace width=\"1em\"/>")
            case let .keyword(word, test, expression, text):
                let keyword =
                    "<mtext class=\"keyword\" mathvariant=\"bold\">\(Escaping.text(word == "elseif" ? "else if" : word))</mtext>"
                if text.hasPrefix(":") {
                    // `\textbf{input} : …`: the colon follows the keyword.
                    content = keyword + "<mtext>\(Escaping.text(text))</mtext>"
                } else {
                    let rest =
                        test.map(render) ?? expression.map(MathML.render)
                        ?? (text.isEmpty ? "" : "<mtext>\(Escaping.text(text))</mtext>")
                    content = keyword + (rest.isEmpty ? "" : "<mspace width=\"0.5em\"/>" + rest)
                }
            case let .text(text):
                content = "<mtext>\(Escaping.text(text))</mtext>"
            }
            // PyTorch indents by 5 mm a level: about 1.2 em.
            let indent = row.indent > 0 ? "<mspace width=\"\(format(row.indent / 4.2))em\"/>" : ""
            return "<mtr><mtd><mrow>\(indent)\(content)</mrow></mtd></mtr>"
        }
        return MathML.element(
            "<mtable class=\"algorithm\" columnalign=\"left\">" + rows.joined() + "</mtable>",
            display: true)
    }

    private static func render(_ test: AlgorithmCondition) -> String {
        switch test.test {
        case let .comparison(left, relation, right):
            return MathML.render(left) + mo(relation) + MathML.render(right)
        case let .flag(name):
            return "<mi mathvariant=\"italic\">\(Escaping.text(name))</mi>"
        }
    }

    private static func mo(_ text: String) -> String { "<mo>\(Escaping.text(text))</mo>" }

    private static func format(_ x: Double) -> String {
        let rounded = (x * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
