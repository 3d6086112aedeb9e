import Notation

/// A paragraph that begins with `$$` and ends with `$$`: one or more equations
/// that `check formula` reads.
public struct DisplayMath: Sendable, Equatable, Codable {
    /// The LaTeX between the delimiters from the raw bytes, leading and trailing
    /// whitespace removed; `\\`, `\{`, `_` and `*` are exactly as written.
    public var latex: String
    /// The first LaTeX character.
    public var location: SourceLocation
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
    }
}
