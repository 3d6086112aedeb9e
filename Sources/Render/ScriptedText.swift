import MathML

/// A sentence that names formula symbols as tutor prints them, `δ^{(l)}` or
/// `θ_{t}`, written with its scripts raised and lowered (`<sup>`, `<sub>`) instead
/// of as TeX source. Only braced scripts are scripts: `L_claimed` is a name.
enum ScriptedText {
    /// The sentence as HTML text, escaped.
    static func html(_ sentence: String) -> String {
        render(pieces(Array(sentence)), text: Escaping.text)
    }

    /// The sentence for GitHub Markdown, escaped, which draws `<sub>` and `<sup>` too.
    static func markdown(_ sentence: String) -> String {
        render(pieces(Array(sentence)), text: MarkdownText.text)
    }

    private enum Piece {
        case text(String)
        case script(raised: Bool, [Piece])
    }

    private static func render(_ pieces: [Piece], text: (String) -> String) -> String {
        pieces.map { piece in
            switch piece {
            case let .text(s): return text(s)
            case let .script(raised, inner):
                let tag = raised ? "sup" : "sub"
                return "<\(tag)>" + render(inner, text: text) + "</\(tag)>"
            }
        }.joined()
    }

    /// Scripts inside scripts deeper than this stay text: a sentence quoting what an
    /// author wrote must not decide how deep rendering goes.
    private static let deepestScript = 8

    /// Text and scripts in order; a `^{` or `_{` whose brace never closes stays text.
    private static func pieces(_ characters: [Character]) -> [Piece] {
        pieces(characters, 0..<characters.count, closing: closingBraces(characters), depth: 0)
    }

    private static func pieces(_ characters: [Character], _ range: Range<Int>, closing: [Int: Int], depth: Int)
        -> [Piece]
    {
        var result: [Piece] = []
        var text = ""
        var index = range.lowerBound
        while index < range.upperBound {
            let c = characters[index]
            if depth < deepestScript, c == "^" || c == "_", index + 1 < range.upperBound,
                let close = closing[index + 1], close < range.upperBound
            {
                if !text.isEmpty { result.append(.text(text)); text = "" }
                let inner = pieces(characters, (index + 2)..<close, closing: closing, depth: depth + 1)
                result.append(.script(raised: c == "^", inner))
                index = close + 1
                continue
            }
            text.append(c)
            index += 1
        }
        if !text.isEmpty { result.append(.text(text)) }
        return result
    }

    /// The index of the `}` that closes each `{` that is closed, in one pass.
    private static func closingBraces(_ characters: [Character]) -> [Int: Int] {
        var open: [Int] = []
        var closing: [Int: Int] = [:]
        for (index, c) in characters.enumerated() {
            if c == "{" { open.append(index) }
            if c == "}", let start = open.popLast() { closing[start] = index }
        }
        return closing
    }
}
