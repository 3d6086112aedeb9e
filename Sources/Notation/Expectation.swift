/// The condition of an `expect` statement.
public enum Expectation: Hashable, Sendable, Codable {
    /// `expect L < 0.05`: the operator is one of `BinaryOperator`'s comparisons.
    case comparison(Expr, BinaryOperator, Expr)
    /// `expect w ≈ 2 ± 0.01`: `|value - target| ≤ tolerance`.
    case approximately(Expr, Expr, tolerance: Expr)
}
