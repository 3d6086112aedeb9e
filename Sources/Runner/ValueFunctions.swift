import Autodiff

/// Functions of one value that statements and formulas both apply, by name.
enum ValueFunctions {
    /// Element-wise: `exp(x)`, `log(x)`, `sqrt(x)`, `abs(x)`.
    static let elementwise: [String: (Variable) -> Variable] = [
        "exp": { $0.exp() },
        "log": { $0.log() },
        "sqrt": { $0.sqrt() },
        "abs": { $0.abs() },
    ]

    /// Reductions over every entry (no axis) or along an axis: `sum`, `mean`, `max`, `min`.
    static let reductions: [String: (Variable, Int?) throws -> Variable] = [
        "sum": { try $0.sum(axis: $1) },
        "mean": { try $0.mean(axis: $1) },
        "max": { try $0.max(axis: $1) },
        "min": { try $0.min(axis: $1) },
    ]
}
