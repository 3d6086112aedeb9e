/// One node of cmark's tree, copied into Swift so no C pointer outlives the parse.
///
/// Positions are cmark's: 1-based lines and 1-based *byte* columns. An end
/// column of 0 means the node ended with the line before `end.line`.
struct MarkdownNode {
    /// The kinds the chapter reader looks at; every other node is `.other`.
    enum Kind {
        case codeBlock, paragraph, heading, text, softBreak, lineBreak, code, other
    }

    struct Position {
        var line: Int
        var column: Int
    }

    var kind: Kind
    var start: Position
    var end: Position
    /// Text of code blocks, code spans, text and HTML nodes.
    var literal: String = ""
    /// A code block's info string.
    var fenceInfo: String = ""
    var headingLevel: Int = 0
    var children: [MarkdownNode] = []

    /// The last line that holds any of the node's text.
    var lastLine: Int { end.column == 0 ? max(start.line, end.line - 1) : end.line }

    /// The text a reader sees, without markup: for titles and anchors.
    var plainText: String {
        switch kind {
        case .text, .code: return literal
        case .softBreak, .lineBreak: return " "
        default: return children.map(\.plainText).joined()
        }
    }

    /// Every node below this one (this one included), in document order.
    func forEachNode(_ body: (MarkdownNode) -> Void) {
        body(self)
        for child in children { child.forEachNode(body) }
    }
}
