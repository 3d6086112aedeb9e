import Notation
import Runner

extension ChapterResult {
    /// The source line of an error with a caret under its column, or nil when
    /// the line is not known. A statement's error carries no source line of its
    /// own; the same error among the chapter's diagnostics does.
    func caretLines(for diagnostic: Diagnostic) -> String? {
        var d = diagnostic
        if d.sourceLine == nil {
            d.sourceLine = diagnostics.first { $0.location == d.location && $0.message == d.message }?.sourceLine
        }
        guard d.sourceLine != nil else { return nil }
        return d.rendered.split(separator: "\n", omittingEmptySubsequences: false).suffix(2).joined(separator: "\n")
    }
}
