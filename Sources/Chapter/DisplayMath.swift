import Notation

/// A paragraph that begins with `$$` and ends with `$$`: one or more equations
/// that `check formula` reads.
///
/// It is read once, as the chapter is read: `check formula` compares the
/// equations of `reading`, and the page draws the same tree.
public struct DisplayMath: Sendable, Equatable, Codable {
    /// The LaTeX between the delimiters from the raw bytes, leading and trailing
    /// whitespace removed; `\\`, `\{`, `_` and `*` are exactly as written.
    public let latex: String
    /// The first LaTeX character.
    public let location: SourceLocation
    /// What the formula reader made of `latex`: the equations, or where and why it stopped.
    public let reading: FormulaReading
    /// Marked `<!-- tutor: show -->` on the nearest line above that is not
    /// blank: typeset, never checked, and marked so on the page.
    public var isShownUnchecked: Bool

    /// The HTML comment that marks a formula shown without being checked: hidden
    /// by every Markdown renderer, GitHub's included.
    public static let showMarker = "<!-- tutor: show -->"

    public init(latex: String, location: SourceLocation, isShownUnchecked: Bool = false) {
        self.latex = latex
        self.location = location
        self.isShownUnchecked = isShownUnchecked
        reading = readFormula(latex, at: location)
    }

    private enum CodingKeys: String, CodingKey { case latex, location, isShownUnchecked }

    /// The reading is not stored: it is the reader's, made again from the LaTeX.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            latex: try container.decode(String.self, forKey: .latex),
            location: try container.decode(SourceLocation.self, forKey: .location),
            isShownUnchecked: try container.decode(Bool.self, forKey: .isShownUnchecked))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(latex, forKey: .latex)
        try container.encode(location, forKey: .location)
        try container.encode(isShownUnchecked, forKey: .isShownUnchecked)
    }
}
