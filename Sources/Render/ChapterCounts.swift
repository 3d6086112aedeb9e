import Runner

/// How many checks of a chapter came out which way, for headers and the index.
struct ChapterCounts {
    var passed = 0, failed = 0, xfail = 0, xpass = 0, errors = 0

    init(_ chapter: ChapterResult) {
        for check in chapter.checks {
            switch check.status {
            case .passed: passed += 1
            case .failed: failed += 1
            case .xfail: xfail += 1
            case .xpass: xpass += 1
            case .error: errors += 1
            }
        }
        errors += chapter.errors.count
    }

    /// `3 passed · 1 failed · 1 erratum confirmed · 2 errors`, leaving out zeros.
    var summary: String {
        var parts = ["\(passed) passed"]
        if failed > 0 { parts.append("\(failed) failed") }
        if xfail > 0 { parts.append(xfail == 1 ? "1 erratum confirmed" : "\(xfail) errata confirmed") }
        if xpass > 0 { parts.append(xpass == 1 ? "1 erratum not confirmed" : "\(xpass) errata not confirmed") }
        if errors > 0 { parts.append(errors == 1 ? "1 error" : "\(errors) errors") }
        return parts.joined(separator: " · ")
    }
}
