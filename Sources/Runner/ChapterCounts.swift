/// How many checks came out which way. `errors` also counts the problems found
/// while reading, parsing or running, which are not checks. `definitions`
/// counts formula checks that only defined symbols: they compared nothing, so
/// they are not among the passed. `errata` counts the article's errors the
/// chapter confirmed, `unconfirmedErrata` the others (their checks are
/// counted as well, by outcome).
public struct ChapterCounts: Sendable, Equatable {
    public var passed = 0, failed = 0, xfail = 0, xpass = 0, errors = 0, definitions = 0
    public var errata = 0, unconfirmedErrata = 0

    public init() {}

    /// error when anything could not be read or run; failed when a check failed
    /// or an erratum unexpectedly held; passed otherwise.
    public var status: ChapterStatus {
        if errors > 0 { return .error }
        if failed > 0 || xpass > 0 { return .failed }
        return .passed
    }

    public static func + (a: ChapterCounts, b: ChapterCounts) -> ChapterCounts {
        var sum = a
        sum.passed += b.passed
        sum.failed += b.failed
        sum.xfail += b.xfail
        sum.xpass += b.xpass
        sum.errors += b.errors
        sum.definitions += b.definitions
        sum.errata += b.errata
        sum.unconfirmedErrata += b.unconfirmedErrata
        return sum
    }
}

extension ChapterResult {
    /// The chapter's checks by outcome, and its errors.
    public var counts: ChapterCounts {
        var counts = ChapterCounts()
        for check in checks {
            switch check.status {
            case .passed where check.isDefinitionOnly: counts.definitions += 1
            case .passed: counts.passed += 1
            case .failed: counts.failed += 1
            case .xfail: counts.xfail += 1
            case .xpass: counts.xpass += 1
            case .error: counts.errors += 1
            }
        }
        counts.errors += errors.count
        for erratum in errata {
            if erratum.status == .confirmed { counts.errata += 1 } else { counts.unconfirmedErrata += 1 }
        }
        return counts
    }
}
