/// The results of every chapter of a run, and what they add up to.
public struct BookResult: Sendable {
    public var chapters: [ChapterResult]

    public init(chapters: [ChapterResult]) { self.chapters = chapters }

    public struct Summary: Sendable, Equatable {
        public var chapters = 0
        /// Every chapter's counts, added up.
        public var counts = ChapterCounts()
    }

    public var summary: Summary {
        Summary(chapters: chapters.count, counts: chapters.reduce(ChapterCounts()) { $0 + $1.counts })
    }

    /// The worst chapter status: error when any chapter had an error, failed
    /// when a check failed or an erratum unexpectedly held, passed otherwise.
    public var status: ChapterStatus { summary.counts.status }
}
