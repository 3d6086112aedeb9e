/// The condition of an `expect` statement.
public enum Expectation: Hashable, Sendable, Codable {
    /// `expect L < 0.05`
    case comparison(Expr, ComparisonOperator, Expr)
    /// `expect w ≈ 2 ± 0.01`: `|value - target| ≤ tolerance`.
    case approximately(Expr, Expr, tolerance: Expr)
}

/// The relations `expect` can assert between two values.
public enum ComparisonOperator: String, Hashable, Sendable, Codable, CaseIterable {
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case equal = "=="
    case notEqual = "!="
}
