/// A formula's LaTeX as Unicode scalars, and where it sits in its chapter, so that
/// every offset into it has a file line and column.
struct FormulaSource {
    let scalars: [Unicode.Scalar]
    /// Where the first scalar is in the chapter.
    let origin: SourceLocation
    /// Offsets at which each line of the formula starts.
    private let lineStarts: [Int]
    /// Each line's text without its line break, built once: every diagnostic
    /// on a line shares it.
    private let lines: [String]

    init(_ latex: String, at origin: SourceLocation) {
        let scalars = Array(latex.unicodeScalars)
        self.scalars = scalars
        self.origin = origin
        let lineStarts = [0] + scalars.indices.filter { scalars[$0] == "\n" }.map { $0 + 1 }
        self.lineStarts = lineStarts
        lines = lineStarts.indices.map { line in
            var end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : scalars.count
            if end > lineStarts[line], scalars[end - 1] == "\r" { end -= 1 }
            return String(String.UnicodeScalarView(scalars[lineStarts[line]..<end]))
        }
    }

    /// The chapter location of the scalar at `offset`: the formula's first line
    /// continues the chapter's line, later lines start at column 1.
    func location(at offset: Int) -> SourceLocation {
        let line = lineIndex(of: offset)
        let column = offset - lineStarts[line] + 1
        return SourceLocation(file: origin.file, line: origin.line + line,
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

    private func lineIndex(of offset: Int) -> Int {
        // The last line start at or before the offset.
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
