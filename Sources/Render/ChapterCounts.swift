import Runner

extension ChapterCounts {
    /// `3 passed · 1 failed · 2 errata confirmed · 1 expected failure · 2 errors · 1 definition`,
    /// leaving out zeros. Errata are the article's errors the chapter shows;
    /// expected failures and unexpected passes are checks written `expect fail`.
    var summary: String {
        var parts = ["\(passed) passed"]
        if failed > 0 { parts.append("\(failed) failed") }
        if errata > 0 { parts.append(errata == 1 ? "1 erratum confirmed" : "\(errata) errata confirmed") }
        if unconfirmedErrata > 0 {
            parts.append(
                unconfirmedErrata == 1 ? "1 erratum not confirmed" : "\(unconfirmedErrata) errata not confirmed")
        }
        if xfail > 0 { parts.append(xfail == 1 ? "1 expected failure" : "\(xfail) expected failures") }
        if xpass > 0 { parts.append(xpass == 1 ? "1 unexpected pass" : "\(xpass) unexpected passes") }
        if errors > 0 { parts.append(errors == 1 ? "1 error" : "\(errors) errors") }
        if definitions > 0 { parts.append(definitions == 1 ? "1 definition" : "\(definitions) definitions") }
        return parts.joined(separator: " · ")
    }
}
