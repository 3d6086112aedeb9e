/// The test of an `\textbf{if}` row of an algorithm box, and the branch a row is on.
///
/// PyTorch's boxes test an option against a number (`\lambda \neq 0`, `\mu > 0`),
/// the step (`t > 1`), or an option that is on or off (`\textit{nesterov}`,
/// `amsgrad`). Which values the names have is for the runner to say.
public struct AlgorithmCondition: Hashable, Sendable {
    public enum Test: Hashable, Sendable {
        /// `left relation right`, the relation one of `=`, `≠`, `<`, `≤`, `>`, `≥`.
        case comparison(Expr, relation: String, Expr)
        /// An option that is on or off, by its name as written (`nesterov`).
        case flag(String)
    }

    public var test: Test
    /// True on the `\textbf{if}` branch, false on its `\textbf{else}`.
    public var holds: Bool
    /// The test's LaTeX, for messages.
    public var source: String
    public var location: SourceLocation

    /// The values the test compares (none for an option's name).
    public var expressions: [Expr] {
        if case let .comparison(left, _, right) = test { return [left, right] }
        return []
    }

    public init(test: Test, holds: Bool, source: String, location: SourceLocation) {
        self.test = test
        self.holds = holds
        self.source = source
        self.location = location
    }
}
