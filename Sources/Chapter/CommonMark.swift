import Ccmark

/// The only door to libcmark: parse to a ``MarkdownNode`` tree, or render HTML.
///
/// Each function frees what cmark allocated before it returns, and neither
/// changes cmark's tree after parsing.
enum CommonMark {
    /// Parses CommonMark with source positions and copies the tree into Swift values.
    ///
    /// The copy is at most three levels deep, however deep the source nests
    /// (30,000 `>` or emphasis inside emphasis): the document, its top-level
    /// blocks, and the paragraphs and headings inside them. Any other container
    /// below the top level (a quote in a quote, a list item, emphasis, a link)
    /// gives its children to the node above it, in document order. The reader
    /// only asks which paragraphs and headings a top-level block holds and
    /// what text they show, and a shallow tree is walked and freed without
    /// recursion that the input could make deep.
    static func parse(_ bytes: [UInt8]) -> MarkdownNode {
        let root = withCBytes(bytes) { cmark_parse_document($0, $1, CMARK_OPT_SOURCEPOS) }!
        defer { cmark_node_free(root) }
        let iterator = cmark_iter_new(root)!
        defer { cmark_iter_free(iterator) }

        // Containers kept as nodes wait on the stack until their EXIT event; leaves never get one.
        var stack: [MarkdownNode] = []
        var kept: [OpaquePointer] = []
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            let cNode = cmark_iter_get_node(iterator)!
            let type = cmark_node_get_type(cNode)
            if event == CMARK_EVENT_ENTER {
                if isLeaf(type) {
                    stack[stack.count - 1].children.append(copy(cNode))
                } else if stack.count < 2 || type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING {
                    stack.append(copy(cNode))
                    kept.append(cNode)
                }
            } else if event == CMARK_EVENT_EXIT, kept.last == cNode {
                kept.removeLast()
                if stack.count > 1 {
                    let finished = stack.removeLast()
                    stack[stack.count - 1].children.append(finished)
                }
            }
            event = cmark_iter_next(iterator)
        }
        return stack[0]
    }

    /// Renders CommonMark to HTML; raw HTML in the input is omitted, never passed through.
    static func html(_ markdown: String) -> String {
        let rendered = withCBytes(Array(markdown.utf8)) {
            // Safe is cmark 0.30's default; the flag keeps older versions safe too.
            cmark_markdown_to_html($0, $1, CMARK_OPT_SAFE)
        }!
        defer { cmark_get_default_mem_allocator().pointee.free(rendered) }
        return String(cString: rendered)
    }

    /// Lends cmark a pointer and length; an empty input still gets a valid pointer.
    private static func withCBytes<Result>(
        _ bytes: [UInt8], _ body: (UnsafePointer<CChar>, Int) -> Result
    ) -> Result {
        let count = bytes.count
        return (bytes + [0]).withUnsafeBytes { body($0.bindMemory(to: CChar.self).baseAddress!, count) }
    }

    private static func isLeaf(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK,
            CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE,
            CMARK_NODE_HTML_INLINE:
            return true
        default:
            return false
        }
    }

    private static func copy(_ node: OpaquePointer) -> MarkdownNode {
        var copied = MarkdownNode(
            kind: kind(cmark_node_get_type(node)),
            start: .init(
                line: Int(cmark_node_get_start_line(node)),
                column: Int(cmark_node_get_start_column(node))),
            end: .init(
                line: Int(cmark_node_get_end_line(node)),
                column: Int(cmark_node_get_end_column(node))))
        if let literal = cmark_node_get_literal(node) { copied.literal = String(cString: literal) }
        if copied.kind == .codeBlock, let info = cmark_node_get_fence_info(node) {
            copied.fenceInfo = String(cString: info)
        }
        if copied.kind == .heading { copied.headingLevel = Int(cmark_node_get_heading_level(node)) }
        return copied
    }

    private static func kind(_ type: cmark_node_type) -> MarkdownNode.Kind {
        switch type {
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        default: return .other
        }
    }
}
