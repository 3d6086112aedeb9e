import Notation

/// A run of ordinary top-level Markdown blocks, kept as the author wrote them.
///
/// `source` is every line from the run's first non-blank line to its last,
/// so link reference definitions and blank lines survive for rendering.
public struct Prose: Sendable, Equatable, Codable {
    public var source: String
    /// Where `source` starts: column 1 of its first line.
    public var location: SourceLocation
    /// The `$…$` and inline `$$…$$` spans, in order and not overlapping.
    public var inlineMath: [InlineMath]
    /// Headings at any depth (also inside quotes and lists), in order.
    public var headings: [Heading]

    public init(
        source: String, location: SourceLocation,
        inlineMath: [InlineMath], headings: [Heading]
    ) {
        self.source = source
        self.location = location
        self.inlineMath = inlineMath
        self.headings = headings
    }
}

/// A formula inside prose, cut from the raw source so its LaTeX is exactly as written.
public struct InlineMath: Sendable, Equatable, Codable {
    /// The LaTeX between the delimiters, untouched.
    public var latex: String
    /// The first LaTeX character, so a formula error at LaTeX offset k on the
    /// same line sits at `column + k`.
    public var location: SourceLocation
    /// `$$…$$` inside a paragraph: to be typeset in display style, in the text flow.
    public var isDisplayStyle: Bool
    /// The span with its delimiters, as UTF-8 offsets into the prose's `source`.
    public var sourceRange: Range<Int>

    public init(
        latex: String, location: SourceLocation, isDisplayStyle: Bool,
        sourceRange: Range<Int>
    ) {
        self.latex = latex
        self.location = location
        self.isDisplayStyle = isDisplayStyle
        self.sourceRange = sourceRange
    }
}

/// A heading, for the table of contents and the page's anchors.
public struct Heading: Sendable, Equatable, Codable {
    public var level: Int
    /// The text without markup, as cmark reads it: code spans keep their text and
    /// math keeps its dollars (`Gradient of $w$`), though cmark's escapes apply.
    public var text: String
    public var location: SourceLocation
    /// A slug of `text`, unique within the chapter: the HTML `id`.
    public var anchor: String

    public init(level: Int, text: String, location: SourceLocation, anchor: String) {
        self.level = level
        self.text = text
        self.location = location
        self.anchor = anchor
    }
}
