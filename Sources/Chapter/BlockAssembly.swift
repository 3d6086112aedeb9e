import Notation

/// Turns cmark's top-level nodes into ``Block``s, gathering ordinary blocks into prose runs.
struct BlockAssembly {
    let source: SourceText
    private(set) var blocks: [Block] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var anchors = HeadingAnchors()
    /// Top-level nodes of the prose run not yet emitted.
    private var proseNodes: [MarkdownNode] = []
    /// The first line that no emitted block covers.
    private var firstFreeLine = 1

    init(source: SourceText) {
        self.source = source
    }

    mutating func add(_ topLevelNodes: [MarkdownNode]) {
        for node in topLevelNodes {
            if let block = separateBlock(node) {
                emitProse(through: node.start.line - 1)
                blocks.append(block)
                firstFreeLine = node.lastLine + 1
            } else {
                proseNodes.append(node)
            }
        }
        emitProse(through: source.lineCount)
    }

    // MARK: Blocks that stand apart from prose

    private mutating func separateBlock(_ node: MarkdownNode) -> Block? {
        switch node.kind {
        case .codeBlock: return codeBlock(node)
        case .paragraph: return displayMath(node).map(Block.displayMath)
        default: return nil
        }
    }

    private mutating func codeBlock(_ node: MarkdownNode) -> Block {
        let location = source.location(of: startOffset(node))
        let info = node.fenceInfo.trimmingWhitespace()
        let firstWord = String(info.prefix { !$0.isWhitespace })
        guard let fence = CodeFence(openingLine: line(node.start.line)) else {
            return .code(CodeBlock(language: nil, text: node.literal, location: location))
        }
        let isClosed = node.end.line > node.start.line && fence.isClosed(by: line(node.end.line))
        let isDirective = firstWord == "tutor"
        if !isClosed {
            let fenceText = String(
                decoding: Array(repeating: fence.character, count: fence.length),
                as: UTF8.self)
            let what = isDirective ? "`tutor` block" : "code block"
            diagnostics.append(
                Diagnostic(
                    "this \(what) is never closed, so it runs to the end of the file; "
                        + "expected a closing \(fenceText) line",
                    at: location, severity: isDirective ? .error : .warning,
                    sourceLine: source.lineText(node.start.line)))
        }
        guard isDirective else {
            return .code(
                CodeBlock(
                    language: firstWord.isEmpty ? nil : firstWord,
                    text: node.literal, location: location))
        }
        let arguments = String(info.dropFirst(firstWord.count)).trimmingWhitespace()
        let contentLocation = SourceLocation(
            file: source.file, line: node.start.line + 1,
            column: location.column)
        return .directive(
            Directive(
                content: node.literal, arguments: arguments,
                contentLocation: contentLocation, fenceLocation: location))
    }

    /// A paragraph that is one `$$…$$` from its first byte to its last.
    ///
    /// A paragraph that opens with `$$` and never closes it gets a diagnostic
    /// and stays prose, so its text is still shown.
    private mutating func displayMath(_ node: MarkdownNode) -> DisplayMath? {
        let bytes = source.bytes
        let open = startOffset(node)
        var end = source.lineRange(node.lastLine).upperBound
        while end > open, bytes[end - 1].isASCIIWhitespace { end -= 1 }
        guard end - open >= 2, bytes[open] == dollar, bytes[open + 1] == dollar else { return nil }
        guard let close = MathScanner.closingDouble(in: bytes, from: open + 2, limit: end) else {
            diagnostics.append(
                Diagnostic(
                    "display math opened with $$ is never closed; expected $$ before the "
                        + "paragraph ends (a blank line, list item or heading ends it)",
                    at: source.location(of: open), sourceLine: source.lineText(node.start.line)))
            return nil
        }
        guard close + 2 == end else { return nil }
        var latexStart = open + 2, latexEnd = close
        while latexStart < latexEnd, bytes[latexStart].isASCIIWhitespace { latexStart += 1 }
        while latexEnd > latexStart, bytes[latexEnd - 1].isASCIIWhitespace { latexEnd -= 1 }
        return DisplayMath(
            latex: source.text(latexStart..<latexEnd),
            location: source.location(of: latexStart),
            isShownUnchecked: isMarkedShown(above: node.start.line))
    }

    /// Whether the nearest line above `line` that is not blank is the show
    /// marker, spaces inside the comment as the author likes (`<!--tutor:show-->`).
    private func isMarkedShown(above line: Int) -> Bool {
        var above = line - 1
        while above >= 1, source.isBlank(line: above) { above -= 1 }
        guard above >= 1 else { return false }
        let compact = source.lineText(above).filter { !$0.isWhitespace }
        return compact == DisplayMath.showMarker.filter { !$0.isWhitespace }
    }

    // MARK: Prose

    /// Emits the lines from the first free line through `lastLine`, without blank
    /// lines at either end, as one prose block (nothing when all are blank).
    private mutating func emitProse(through lastLine: Int) {
        defer { proseNodes = [] }
        var first = firstFreeLine, last = min(lastLine, source.lineCount)
        while first <= last, source.isBlank(line: first) { first += 1 }
        while last >= first, source.isBlank(line: last) { last -= 1 }
        guard first <= last else { return }
        let start = source.lineStart(first)
        let end = source.lineRange(last).upperBound

        var headings: [Heading] = []
        var inlineMath: [InlineMath] = []
        // cmark sometimes ends a setext heading too late, overlapping the next
        // block: scan each byte once, so spans stay in order and never overlap.
        var scanned = start
        // Spans come in order: each location is counted on from the one before.
        let proseLocation = source.location(of: start)
        var lastMath = (offset: start, location: proseLocation)
        for node in proseNodes {
            node.forEachNode { inner in
                guard inner.kind == .paragraph || inner.kind == .heading else { return }
                if inner.kind == .heading { headings.append(heading(inner)) }
                let lower = min(max(startOffset(inner), scanned), end)
                let upper = min(max(source.lineRange(inner.lastLine).upperBound, lower), end)
                scanned = upper
                for span in MathScanner.spans(in: source.bytes, lower..<upper) {
                    let offset = span.content.lowerBound
                    lastMath = (offset, source.location(of: offset, after: lastMath))
                    inlineMath.append(
                        InlineMath(
                            latex: source.text(span.content),
                            location: lastMath.location,
                            isDisplayStyle: span.isDouble,
                            sourceRange: span.range.lowerBound - start..<span.range.upperBound - start))
                }
            }
        }
        blocks.append(
            .prose(
                Prose(
                    source: source.text(start..<end),
                    location: proseLocation,
                    inlineMath: inlineMath, headings: headings)))
    }

    private mutating func heading(_ node: MarkdownNode) -> Heading {
        let text = node.plainText.trimmingWhitespace()
        return Heading(
            level: node.headingLevel, text: text,
            location: source.location(of: startOffset(node)),
            anchor: anchors.anchor(for: text))
    }

    // MARK: Positions

    private func startOffset(_ node: MarkdownNode) -> Int {
        source.offset(line: node.start.line, byteColumn: node.start.column)
    }

    private func line(_ number: Int) -> ArraySlice<UInt8> {
        source.bytes[source.lineRange(number)]
    }

    private let dollar = UInt8(ascii: "$")
}
