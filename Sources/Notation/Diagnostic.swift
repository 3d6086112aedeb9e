/// A user's mistake, located in the source: what went wrong and what was expected.
public struct Diagnostic: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable { case error, warning }

    public var location: SourceLocation
    public var severity: Severity
    public var message: String
    /// The source line the location points into, for the caret display.
    public var sourceLine: String?

    public init(
        _ message: String, at location: SourceLocation,
        severity: Severity = .error, sourceLine: String? = nil
    ) {
        self.message = message
        self.location = location
        self.severity = severity
        self.sourceLine = sourceLine
    }

    /// `chapters/02-mapping.md:14:9: error: …`
    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    /// The compiler form followed by the source line and a caret under the
    /// column, counted in display columns (a Chinese character takes two).
    public var rendered: String {
        guard let caret = sourceCaret else { return description }
        return "\(description)\n\(caret)"
    }

    /// The source line and, under it, a caret at the column; nil when the line
    /// is not known.
    public var sourceCaret: String? {
        guard let line = sourceLine else { return nil }
        let prefix = line.unicodeScalars.prefix(max(0, location.column - 1))
            .map { $0 == "\t" ? "\t" : String(repeating: " ", count: displayWidth($0)) }.joined()
        return "\(line)\n\(prefix)^"
    }
}
