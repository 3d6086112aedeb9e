/// One argument of a call: positional (`x`) or named (`axis: 1`).
public struct Argument: Hashable, Sendable, Codable {
    /// The name before the colon, or nil for a positional argument.
    public var label: String?
    public var value: Expr
    /// Where the argument starts: its label when it has one.
    public var location: SourceLocation

    public init(label: String? = nil, _ value: Expr, at location: SourceLocation? = nil) {
        self.label = label
        self.value = value
        self.location = location ?? value.location
    }
}
