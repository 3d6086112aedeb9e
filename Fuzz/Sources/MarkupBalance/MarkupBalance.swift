/// The first reason `markup` is not a well-nested tree of tags, or `nil`.
///
/// Deliberately small: enough to catch a tag left open, a stray `<` in text, or
/// markup spliced into the middle of a tag, in what cmark and MathML write. It
/// knows comments (`<!-- raw HTML omitted -->`) and self-closing tags (`<br />`),
/// and trusts that attribute values contain no `>` (both writers escape it).
/// It reads bytes, as an XML parser does: a combining mark after `>` does not
/// hide the `>` the way it would in a `Character`.
public func markupImbalance(_ markup: String) -> String? {
    let bytes = Array(markup.utf8)
    var open: [ArraySlice<UInt8>] = []
    var index = 0
    func text(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice.prefix(40), as: UTF8.self) }
    while let start = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
        let rest = bytes[(start + 1)...]
        if rest.starts(with: "!--".utf8) {
            guard let end = rest.indices.first(where: { bytes[$0...].starts(with: "-->".utf8) })
            else { return "unclosed comment" }
            index = end + 3
            continue
        }
        guard let end = rest.firstIndex(of: UInt8(ascii: ">")) else { return "unclosed tag <\(text(rest))" }
        let tag = bytes[(start + 1)..<end]
        index = end + 1
        if tag.contains(UInt8(ascii: "<")) { return "a tag inside the tag <\(text(tag))>" }
        if tag.first == UInt8(ascii: "/") {
            let name = tag.dropFirst()
            guard let last = open.popLast() else { return "</\(text(name))> closes nothing" }
            if last != name { return "</\(text(name))> closes <\(text(last))>" }
        } else if tag.last != UInt8(ascii: "/") {
            let name = tag.prefix { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0 | 0x20)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            if name.isEmpty { return "a < that starts no tag: <\(text(tag))" }
            open.append(name)
        }
    }
    return open.last.map { "<\(text($0))> is never closed" }
}
