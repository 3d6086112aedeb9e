/// Renders a prose block to HTML through cmark, with math and heading anchors put in afterwards.
///
/// Each inline math span is swapped for a unique alphanumeric token before cmark
/// sees the text, so cmark's inline parser never touches LaTeX (`*` stays `*`,
/// `\\` stays `\\`); after rendering, each token becomes what `math` returns for
/// its span, inserted as is. Raw HTML in the prose is omitted (cmark's safe mode).
///
/// Heading anchors are added by post-processing cmark's output: in safe mode the
/// only `<hN>` tags it writes are the prose's headings, in the same order as
/// ``Prose/headings``, so the n-th tag gets the n-th heading's `anchor` as its `id`.
public enum ProseHTMLRenderer {
    public static func html(for prose: Prose, math: (InlineMath) -> String) -> String {
        let tokenStem = uniqueStem(avoiding: prose.source)
        let token = { (index: Int) in "\(tokenStem)\(index)z" }

        var markdown: [UInt8] = []
        var copied = 0
        let source = Array(prose.source.utf8)
        for (index, span) in prose.inlineMath.enumerated() {
            markdown += source[copied..<span.sourceRange.lowerBound]
            markdown += Array(token(index).utf8)
            copied = span.sourceRange.upperBound
        }
        markdown += source[copied...]

        var html = anchoringHeadings(CommonMark.html(String(decoding: markdown, as: UTF8.self)),
                                     prose.headings)
        for (index, span) in prose.inlineMath.enumerated() {
            html = html.replacing(token(index), with: math(span))
        }
        return html
    }

    /// A token stem that does not occur in the prose; tokens end in `z` so that
    /// token 1 is not a prefix of token 10.
    private static func uniqueStem(avoiding source: String) -> String {
        var stem = "tutormath"
        while source.contains(stem) { stem += "x" }
        return stem
    }

    /// Gives the n-th `<hN>` opening tag the `id` of the n-th heading.
    private static func anchoringHeadings(_ html: String, _ headings: [Heading]) -> String {
        let openingTag = try! Regex("<h[1-6]>")
        var anchors = headings.map(\.anchor).makeIterator()
        return html.replacing(openingTag) { match in
            let tag = html[match.range]
            guard let anchor = anchors.next() else { return String(tag) }
            return "\(tag.dropLast()) id=\"\(anchor)\">"
        }
    }
}
