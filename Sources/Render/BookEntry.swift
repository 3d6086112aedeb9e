import Runner

/// One chapter as the book's index and report list it: made from a result of
/// this run, or read back from the report of an earlier run into the same
/// folder (a one-chapter run keeps the other chapters' entries as they were).
public struct BookEntry {
    public var file: String
    public var title: String
    public var counts: ChapterCounts
    /// The chapter's object in `report.json`.
    var report: JSONValue

    public init(_ chapter: ChapterResult) {
        file = chapter.file
        title = chapter.title
        counts = chapter.counts
        report = JSONReport.chapter(chapter)
    }

    /// The entry of `report.json`'s `chapters` array, or nil when it is not one tutor wrote.
    init?(report: JSONValue) {
        guard let file = report["file"]?.string, let title = report["title"]?.string,
            let checks = report["checks"]?.items, let errors = report["errors"]?.items
        else { return nil }
        var counts = ChapterCounts()
        for check in checks {
            switch check["status"]?.string {
            case "passed": counts.passed += 1
            case "failed": counts.failed += 1
            case "xfail": counts.xfail += 1
            case "xpass": counts.xpass += 1
            case "error": counts.errors += 1
            default: return nil
            }
        }
        counts.errors += errors.count
        // Reports written before errata had a form of their own have none.
        for erratum in report["errata"]?.items ?? [] {
            guard let status = erratum["status"]?.string.flatMap(ErratumStatus.init(rawValue:)) else { return nil }
            if status == .confirmed { counts.errata += 1 } else { counts.unconfirmedErrata += 1 }
        }
        self.file = file
        self.title = title
        self.counts = counts
        self.report = report
    }

    public var names: ChapterFileNames { ChapterFileNames(chapterFile: file) }

    /// The entries of a report tutor wrote, or nil when `text` is not one.
    public static func entries(ofReport text: String) -> [BookEntry]? {
        guard let document = JSONValue.parse(text), let chapters = document["chapters"]?.items else { return nil }
        let entries = chapters.compactMap(BookEntry.init(report:))
        return entries.count == chapters.count ? entries : nil
    }

    /// This run's chapters with the earlier entries worth keeping: in the run's
    /// order when nothing is kept, else in the order of their page names.
    public static func merged(_ run: [BookEntry], keeping earlier: [BookEntry]) -> [BookEntry] {
        guard !earlier.isEmpty else { return run }
        return (run + earlier).sorted { $0.names.stem < $1.names.stem }
    }
}
