import Notation

/// A top-level fenced code block whose info string starts with `tutor`:
/// statements to run in the chapter's environment.
public struct Directive: Sendable, Equatable, Codable {
    /// The lines between the fences, each ended by `\n`.
    public var content: String
    /// The info string after `tutor`, trimmed (empty when there is none).
    public var arguments: String
    /// Line 1 of `content`: the fence's line + 1, at the fence's column
    /// (cmark removes up to that much indentation from content lines).
    public var contentLocation: SourceLocation
    /// The opening fence.
    public var fenceLocation: SourceLocation

    public init(
        content: String, arguments: String,
        contentLocation: SourceLocation, fenceLocation: SourceLocation
    ) {
        self.content = content
        self.arguments = arguments
        self.contentLocation = contentLocation
        self.fenceLocation = fenceLocation
    }
}
