import Notation

/// Renders a prose block to HTML through cmark, with math and heading anchors put in afterwards.
///
/// Each inline math span is swapped for a unique alphanumeric token before cmark
/// sees the text, so cmark's inline parser never touches LaTeX (`*` stays `*`,
/// `\\` stays `\\`); after rendering, each token becomes what `math` returns for
/// its span, inserted as is. A span that cmark put inside a tag (a link's
/// destination, an image's description) is not a formula there and stays as
/// written. Raw HTML in the prose is omitted (cmark's safe mode).
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

        let html = anchoringHeadings(
            CommonMark.html(String(decoding: markdown, as: UTF8.self)),
            prose.headings)
        return replacingTokens(stem: tokenStem, in: html, count: prose.inlineMath.count) { index, inTag in
            let span = prose.inlineMath[index]
            return inTag ? XMLEscaping.text(String(decoding: source[span.sourceRange], as: UTF8.self)) : math(span)
        }
    }

    /// A token stem whose bytes do not occur in the prose; tokens end in `z` so
    /// that token 1 is not a prefix of token 10.
    private static func uniqueStem(avoiding source: String) -> String {
        var stem = "tutormath"
        while source.utf8.contains(stem.utf8) { stem += "x" }
        return stem
    }

    /// Replaces each token in cmark's output by `replacement(index, inTag)`.
    ///
    /// Matches bytes, not characters: a combining mark after a token joins its `z`
    /// into one character and would hide it from `String.replacing`. A token inside
    /// a tag is a link's destination or title or an image's description, where
    /// markup would break the tag.
    private static func replacingTokens(
        stem: String, in html: String, count: Int,
        _ replacement: (Int, Bool) -> String
    ) -> String {
        let bytes = Array(html.utf8)
        let stem = Array(stem.utf8)
        var result: [UInt8] = []
        var inTag = false
        var index = 0
        while index < bytes.count {
            if bytes[index...].starts(with: stem) {
                let digits = bytes[(index + stem.count)...].prefix { (0x30...0x39).contains($0) }
                if let number = Int(String(decoding: digits, as: UTF8.self)), number < count,
                    digits.endIndex < bytes.count, bytes[digits.endIndex] == UInt8(ascii: "z")
                {
                    result += replacement(number, inTag).utf8
                    index = digits.endIndex + 1
                    continue
                }
            }
            if bytes[index] == UInt8(ascii: "<") { inTag = true }
            if bytes[index] == UInt8(ascii: ">") { inTag = false }
            result.append(bytes[index])
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Gives the n-th `<hN>` opening tag the `id` of the n-th heading.
    private static func anchoringHeadings(_ html: String, _ headings: [Heading]) -> String {
        // Scalar semantics: a combining mark opening the heading's text joins the
        // tag's `>` into one character, which a character match would skip.
        let openingTag = try! Regex("<h[1-6]>").matchingSemantics(.unicodeScalar)
        var anchors = headings.map(\.anchor).makeIterator()
        return html.replacing(openingTag) { match in
            let tag = html[match.range]
            guard let anchor = anchors.next() else { return String(tag) }
            return "\(tag.dropLast()) id=\"\(anchor)\">"
        }
    }
}
