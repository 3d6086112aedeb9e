import Chapter
import Notation
import Runner

extension ChapterResult {
    /// What only drawing the pages finds: inline math, and display math marked
    /// shown and not checked, outside the LaTeX tutor typesets, which the pages
    /// show as source. Located at the math's first
    /// character, with its line for the caret; the terminal prints them with
    /// the chapter's diagnostics and `report.json` lists them in `warnings`.
    public var typesettingWarnings: [Diagnostic] {
        document.blocks.flatMap { block -> [Diagnostic] in
            if case let .displayMath(math) = block, math.isShownUnchecked, FormulaHTML.typeset(math) == nil {
                return [
                    Diagnostic(
                        "this formula, marked shown and not checked, is outside the LaTeX tutor typesets, "
                            + "so the page shows it as source", at: math.location, severity: .warning,
                        // The LaTeX's first line is its source line when it starts one.
                        sourceLine: math.location.column == 1
                            ? LineTable.lines(of: math.latex).first
                            : nil)
                ]
            }
            guard case let .prose(prose) = block else { return [] }
            let lines = LineTable.lines(of: prose.source)
            return prose.inlineMath.filter { FormulaHTML.typeset($0) == nil }.map { math in
                let index = math.location.line - prose.location.line
                return Diagnostic(
                    "this inline math is outside the LaTeX tutor typesets, so the page shows it as source; "
                        + "write it with the commands tutor reads (docs/chapter-format.md, Formulas), "
                        + "or as code in backticks", at: math.location, severity: .warning,
                    sourceLine: lines.indices.contains(index) ? lines[index] : nil)
            }
        }
    }

    /// The chapter's diagnostics with its typesetting warnings, in source
    /// order (diagnostics at one place keep their order): what the terminal prints.
    public var diagnosticsWithWarnings: [Diagnostic] {
        (diagnostics + typesettingWarnings).enumerated().sorted {
            ($0.element.location.line, $0.element.location.column, $0.offset)
                < ($1.element.location.line, $1.element.location.column, $1.offset)
        }.map(\.element)
    }

    /// Every warning of the chapter, in source order: those found while reading
    /// it and those found while typesetting it.
    public var warnings: [Diagnostic] { diagnosticsWithWarnings.filter { $0.severity == .warning } }
}
