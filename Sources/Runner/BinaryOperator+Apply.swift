import Autodiff
import Notation

extension BinaryOperator {
    /// The operator on two values, the same in statements and in formulas.
    ///
    /// Juxtaposition (only formulas write it) scales when either side is a
    /// single number and is the matrix product otherwise.
    func apply(_ a: Variable, _ b: Variable) throws -> Variable {
        switch self {
        case .add: return try a + b
        case .subtract: return try a - b
        case .multiply: return try a * b
        case .divide: return try a / b
        case .power: return try Variable.pow(a, b)
        case .matrixProduct: return try Variable.matmul(a, b)
        case .juxtaposition:
            return a.value.count == 1 || b.value.count == 1 ? try a * b : try Variable.matmul(a, b)
        case .less: return try Variable.compare(a, b, operation: rawValue) { $0 < $1 }
        case .lessOrEqual: return try Variable.compare(a, b, operation: rawValue) { $0 <= $1 }
        case .greater: return try Variable.compare(a, b, operation: rawValue) { $0 > $1 }
        case .greaterOrEqual: return try Variable.compare(a, b, operation: rawValue) { $0 >= $1 }
        case .equal: return try Variable.compare(a, b, operation: rawValue) { $0 == $1 }
        // NaN != NaN holds in IEEE 754; here a comparison with NaN never holds.
        case .notEqual: return try Variable.compare(a, b, operation: rawValue) { !$0.isNaN && !$1.isNaN && $0 != $1 }
        }
    }
}
