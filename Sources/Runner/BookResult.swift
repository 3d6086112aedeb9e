/// The results of every chapter of a run, and what they add up to.
public struct BookResult: Sendable {
    public var chapters: [ChapterResult]

    public init(chapters: [ChapterResult]) { self.chapters = chapters }

    public struct Summary: Sendable, Equatable {
        public var chapters = 0
        public var passed = 0
        public var failed = 0
        public var xfail = 0
        public var xpass = 0
        public var errors = 0
    }

    public var summary: Summary {
        var s = Summary()
        s.chapters = chapters.count
        for chapter in chapters {
            for check in chapter.checks {
                switch check.status {
                case .passed: s.passed += 1
                case .failed: s.failed += 1
                case .xfail: s.xfail += 1
                case .xpass: s.xpass += 1
                case .error: s.errors += 1
                }
            }
            s.errors += chapter.errors.count
        }
        return s
    }

    /// 0 when every check passed (an expected failure counts as passed), 1 when
    /// a check failed or an erratum unexpectedly held, 2 when any chapter had an error.
    public var exitStatus: Int32 {
        let s = summary
        if s.errors > 0 { return 2 }
        if s.failed > 0 || s.xpass > 0 { return 1 }
        return 0
    }
}
