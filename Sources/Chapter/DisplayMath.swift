import Notation

/// A paragraph that begins with `$$` and ends with `$$`: one or more equations
/// that `check formula` reads.
public struct DisplayMath: Sendable, Equatable, Codable {
    /// The LaTeX between the delimiters from the raw bytes, leading and trailing
    /// whitespace removed; `\\`, `\{`, `_` and `*` are exactly as written.
    public var latex: String
    /// The first LaTeX character.
    public var location: SourceLocation

    public init(latex: String, location: SourceLocation) {
        self.latex = latex
        self.location = location
    }
}
