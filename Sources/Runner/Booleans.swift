import Notation

/// Truth values are the numbers 1 and 0, so that they count, average and
/// multiply (`mean(p > 0.5)`, `(a < b) * (b < c)`). Which values are shown as
/// `true` and `false` is decided from the expression, not the numbers: a 0/1
/// count of something else stays a number.
enum Booleans {
    /// The names `true` and `false`, which no statement may redefine.
    static let constants = ["true": true, "false": false]

    /// Whether the expression's value is boolean: a comparison, `true` or
    /// `false`, a name defined as boolean, or a row or transpose of one of them.
    static func isBoolean(_ expression: Expr, in environment: Environment) -> Bool {
        switch expression.kind {
        case let .binary(op, _, _, _): return op.isComparison
        case let .name(name):
            return environment.binding(name) == nil ? constants[name] != nil : environment.booleanNames.contains(name)
        case let .transpose(inner), let .row(inner, _): return isBoolean(inner, in: environment)
        default: return false
        }
    }
}
