import Chapter
import Notation

/// Reads Markdown as the chapter `ch.md`.
func readChapter(_ markdown: String) -> (document: ChapterDocument, diagnostics: [Diagnostic]) {
    ChapterReader.read(file: "ch.md", contents: markdown)
}

func location(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(file: "ch.md", line: line, column: column)
}

extension Block {
    var prose: Prose? { if case .prose(let value) = self { return value } else { return nil } }
    var displayMath: DisplayMath? {
        if case .displayMath(let value) = self { return value } else { return nil }
    }
    var directive: Directive? { if case .directive(let value) = self { return value } else { return nil } }
    var code: CodeBlock? { if case .code(let value) = self { return value } else { return nil } }
}
