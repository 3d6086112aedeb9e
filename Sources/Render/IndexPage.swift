import MathML
import Runner

/// `index.html`: the book at a glance, each chapter with its status and counts,
/// linked to its page, and the totals of the run.
public enum IndexPage {
    public static func render(_ book: BookResult) -> String {
        render(book.chapters.map(BookEntry.init))
    }

    /// The index of `entries`, with their totals, under the book's title and
    /// author (from its book file; "The book" when it has no title); `parts`
    /// gives the part a chapter's file is in, whose title heads its rows.
    public static func render(
        _ entries: [BookEntry], title: String? = nil, author: String? = nil,
        language: String = "en", parts: [String: String] = [:]
    ) -> String {
        let total = entries.reduce(ChapterCounts()) { $0 + $1.counts }
        let heading = title ?? "The book"
        var html =
            HTMLPage.head(title: heading, language: language) + """
                <body class="index">
                <div class="layout">
                <main>
                <h1>\(Escaping.text(heading))</h1>

                """
        if let author { html += "<p class=\"author\">\(Escaping.text(author))</p>\n" }
        html += "<p>\(entries.count) chapter\(entries.count == 1 ? "" : "s"), run and checked by tutor.</p>\n"
        html += "<div class=\"table-scroll\"><table class=\"book-table\">\n<thead><tr><th>chapter</th><th>status</th>"
        html +=
            ["passed", "failed", "unexpected passes", "errata confirmed", "errata not confirmed", "errors"]
            .map { "<th class=\"number\">\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        var part: String?
        for chapter in entries {
            if parts[chapter.file] != part {
                part = parts[chapter.file]
                if let part { html += "<tr class=\"part\"><th colspan=\"8\">\(Escaping.text(part))</th></tr>\n" }
            }
            let counts = chapter.counts
            let page = Escaping.relativeAddress(chapter.names.html)
            html +=
                "<tr><td><a href=\"\(Escaping.text(page))\">\(Escaping.text(chapter.title))</a><code class=\"shape file\">\(Escaping.text(chapter.file))</code></td>"
            html += "<td>\(HTMLPage.statusBadge(counts.status))</td>"
            html += [
                counts.passed, counts.failed, counts.xpass, counts.errata, counts.unconfirmedErrata, counts.errors,
            ]
            .map(count).joined()
            html += "</tr>\n"
        }
        html += "</tbody>\n<tfoot><tr><td>total</td><td>\(HTMLPage.statusBadge(total.status))</td>"
        html += [total.passed, total.failed, total.xpass, total.errata, total.unconfirmedErrata, total.errors]
            .map(count).joined()
        html += "</tr></tfoot>\n</table></div>\n"
        return html + "</main>\n</div>\n<footer>Written by tutor.</footer>\n</body>\n</html>\n"
    }

    /// A zero is dimmed, so the counts that matter stand out in a column of them.
    private static func count(_ n: Int) -> String {
        "<td class=\"number\(n == 0 ? " zero" : "")\">\(n)</td>"
    }
}
