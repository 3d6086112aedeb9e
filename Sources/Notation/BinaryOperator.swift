/// An infix operator of the expression language, spelled as in statements.
public enum BinaryOperator: String, Hashable, Sendable, Codable, CaseIterable {
    case add = "+"
    case subtract = "-"
    /// Element-wise, broadcasting.
    case multiply = "*"
    /// Element-wise, broadcasting.
    case divide = "/"
    /// The matrix product.
    case matrixProduct = "@"
    /// Element-wise power; right-associative.
    case power = "^"
    /// Two factors written side by side in a formula (`W x`, `\eta \frac{…}{…}`):
    /// scaling when either side has one entry, otherwise the matrix product, as
    /// textbooks mean it. Spelled as Unicode's INVISIBLE TIMES, which is what
    /// MathML writes between such factors; statements have no way to write it.
    case juxtaposition = "\u{2062}"
    /// Comparisons, element-wise and broadcasting: 1 where the relation holds,
    /// 0 where it does not (or an entry is NaN). Only statements write them.
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case equal = "=="
    case notEqual = "!="

    /// How tightly the operator binds: a larger value binds tighter.
    public var precedence: Precedence {
        switch self {
        case .add, .subtract: return .additive
        case .multiply, .divide, .matrixProduct, .juxtaposition: return .multiplicative
        case .power: return .power
        case .less, .lessOrEqual, .greater, .greaterOrEqual, .equal, .notEqual: return .comparison
        }
    }

    /// Whether the operator compares (its value is 0 or 1 in every entry).
    public var isComparison: Bool { precedence == .comparison }
}

/// Binding strength of the forms of an expression, loosest first.
public enum Precedence: Int, Comparable, Sendable {
    case comparison, additive, multiplicative, prefix, power, postfix, atom

    public static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }
}
