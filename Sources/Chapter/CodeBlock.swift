import Notation

/// A top-level code block that is not a directive: shown, never run.
public struct CodeBlock: Sendable, Equatable, Codable {
    /// The info string's first word; `nil` for an indented block or a bare fence.
    public var language: String?
    public var text: String
    /// The opening fence, or the first line of an indented block.
    public var location: SourceLocation

    public init(language: String?, text: String, location: SourceLocation) {
        self.language = language
        self.text = text
        self.location = location
    }
}
