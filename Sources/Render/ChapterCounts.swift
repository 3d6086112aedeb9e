import Runner

extension ChapterCounts {
    /// `3 passed · 1 failed · 1 erratum confirmed · 2 errors · 1 definition`, leaving out zeros.
    var summary: String {
        var parts = ["\(passed) passed"]
        if failed > 0 { parts.append("\(failed) failed") }
        if xfail > 0 { parts.append(xfail == 1 ? "1 erratum confirmed" : "\(xfail) errata confirmed") }
        if xpass > 0 { parts.append(xpass == 1 ? "1 erratum not confirmed" : "\(xpass) errata not confirmed") }
        if errors > 0 { parts.append(errors == 1 ? "1 error" : "\(errors) errors") }
        if definitions > 0 { parts.append(definitions == 1 ? "1 definition" : "\(definitions) definitions") }
        return parts.joined(separator: " · ")
    }
}
