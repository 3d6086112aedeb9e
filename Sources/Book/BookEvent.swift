import Runner

/// What happens to a book's chapters as it runs, for whoever shows it.
public enum BookEvent: Sendable {
    /// A chapter starts to run (one the chapter cache gives unchanged does not).
    case started(chapter: String)
    /// A running chapter's statement, epoch or note.
    case progress(ProgressEvent)
    /// A chapter's result, run or given unchanged by the cache.
    case finished(ChapterResult, fromCache: Bool)
}
