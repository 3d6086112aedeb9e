import Chapter
import Runner

/// What the HTML and the Markdown page of a chapter both draw on, worked out
/// once: the formula verdicts, the figures (contour lines included) and each
/// directive block cut into runs of lines.
public struct PreparedChapter {
    let chapter: ChapterResult
    let verdicts: FormulaVerdicts
    let figures: ChapterFigures
    /// Keyed by the index of the directive block in the chapter.
    let chunks: [Int: [DirectiveChunk]]
    /// The chapter's errata with the checks they group.
    let errata: ErratumEvidence

    public init(_ chapter: ChapterResult) {
        self.chapter = chapter
        verdicts = FormulaVerdicts(chapter)
        figures = ChapterFigures(chapter)
        var chunks: [Int: [DirectiveChunk]] = [:]
        for (index, block) in chapter.document.blocks.enumerated() {
            guard case let .directive(directive) = block, index < chapter.blocks.count else { continue }
            chunks[index] = DirectiveChunk.chunks(directive, chapter.blocks[index])
        }
        self.chunks = chunks
        errata = ErratumEvidence(chapter)
    }
}
