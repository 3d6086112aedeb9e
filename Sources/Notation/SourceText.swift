/// The text of a ```tutor block, split into lines of Unicode scalars, and where it
/// sits in its file: what diagnostics quote and what `where` symbols are cut from.
struct SourceText {
    let file: String
    /// The file's line number of the block's first line.
    let firstLine: Int
    let lines: [[Unicode.Scalar]]

    init(_ source: String, file: String, firstLine: Int) {
        self.file = file
        self.firstLine = firstLine
        let scalars = Array(source.unicodeScalars)
        lines = LineTable(scalars).lines.map { Array(scalars[$0]) }
    }

    /// Every line lexed, in order.
    func lexedLines() -> [Lexer.Line] {
        lines.enumerated().map { offset, scalars in Lexer.lex(scalars, file: file, line: firstLine + offset) }
    }

    /// The whole line with the file's line number `line`, for the caret display.
    func lineText(_ line: Int) -> String? {
        let index = line - firstLine
        guard lines.indices.contains(index) else { return nil }
        return String(String.UnicodeScalarView(lines[index]))
    }

    /// The text of the 1-based columns `columns` of the file's line `line`.
    func text(line: Int, columns: Range<Int>) -> String {
        let scalars = lines[line - firstLine]
        let lower = min(max(columns.lowerBound - 1, 0), scalars.count)
        let upper = min(max(columns.upperBound - 1, lower), scalars.count)
        return String(String.UnicodeScalarView(scalars[lower..<upper]))
    }
}
