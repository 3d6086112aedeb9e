import Notation

/// A chapter read into blocks, in document order, each carrying where it came from.
public struct ChapterDocument: Sendable, Equatable, Codable {
    /// The path the chapter was read from, as given; diagnostics name it.
    public var file: String
    public var blocks: [Block]

    public init(file: String, blocks: [Block]) {
        self.file = file
        self.blocks = blocks
    }

    /// The first level-1 heading, else the first heading, else the file name without `.md`.
    public var title: String {
        let headings = headings
        if let heading = headings.first(where: { $0.level == 1 }) ?? headings.first { return heading.text }
        // `chapters/03-one-neuron.md` → `03-one-neuron`.
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// Every heading of the chapter in order, for a table of contents.
    public var headings: [Heading] {
        blocks.flatMap { block -> [Heading] in
            if case .prose(let prose) = block { return prose.headings }
            return []
        }
    }
}

/// What a chapter is made of: text to render, formulas, statements to run, code to show.
public enum Block: Sendable, Equatable, Codable {
    case prose(Prose)
    case displayMath(DisplayMath)
    case directive(Directive)
    case code(CodeBlock)
}
