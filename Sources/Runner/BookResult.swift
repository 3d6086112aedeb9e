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

    /// 0 when the book passed (an expected failure counts as passed), 1 when it
    /// failed, 2 when it had an error.
    public var exitStatus: Int32 {
        switch status {
        case .passed: return 0
        case .failed: return 1
        case .error: return 2
        }
    }
}
