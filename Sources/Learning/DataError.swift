/// A data file that cannot be used: missing, malformed, too large, or outside the book.
///
/// This is the user's mistake (or their download's), so it is a value with a
/// message, never a crash. The message names the file and, for text formats, the
/// 1-based line and column, in the `file:line:column: message` form editors read.
public struct DataError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file as the caller named it.
    public let file: String
    public let line: Int?
    public let column: Int?
    /// What is wrong, and where it helps, what was expected.
    public let message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(message)"
    }
}
