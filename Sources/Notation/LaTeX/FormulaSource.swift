/// A formula's LaTeX as Unicode scalars, and where it sits in its chapter, so that
/// every offset into it has a file line and column.
struct FormulaSource {
    let scalars: [Unicode.Scalar]
    /// Where the first scalar is in the chapter.
    let origin: SourceLocation
    private let lineTable: LineTable
    /// Each line's text without its line break, built once: every diagnostic
    /// on a line shares it.
    private let lines: [String]

    init(_ latex: String, at origin: SourceLocation) {
        let scalars = Array(latex.unicodeScalars)
        self.scalars = scalars
        self.origin = origin
        lineTable = LineTable(scalars)
        lines = lineTable.lines.map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    /// The chapter location of the scalar at `offset`: the formula's first line
    /// continues the chapter's line, later lines start at column 1.
    func location(at offset: Int) -> SourceLocation {
        let line = lineTable.line(containing: offset) - 1
        let column = offset - lineTable.lines[line].lowerBound + 1
        return SourceLocation(
            file: origin.file, line: origin.line + line,
            column: line == 0 ? origin.column + column - 1 : column)
    }

    func text(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, scalars.count))
        let upper = max(lower, min(range.upperBound, scalars.count))
        return String(String.UnicodeScalarView(scalars[lower..<upper]))
    }

    /// The chapter's whole line at `location`, when the formula holds all of it
    /// (every line but a first one that starts after `$$`), for the caret display.
    func chapterLine(at location: SourceLocation) -> String? {
        let line = location.line - origin.line
        guard lines.indices.contains(line), line > 0 || origin.column == 1 else { return nil }
        return lines[line]
    }
}
