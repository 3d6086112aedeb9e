import Notation
import Runner

extension ChapterResult {
    /// The source line of an error with a caret under its column, or nil when
    /// the line is not known.
    func caretLines(for diagnostic: Diagnostic) -> String? {
        guard diagnostic.sourceLine != nil else { return nil }
        return diagnostic.rendered.split(separator: "\n", omittingEmptySubsequences: false).suffix(2).joined(separator: "\n")
    }
}
