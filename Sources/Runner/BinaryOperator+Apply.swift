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
        case .less, .lessOrEqual, .greater, .greaterOrEqual, .equal, .notEqual:
            return try Variable.compare(a, b, operation: rawValue) { holds($0, $1) == true }
        }
    }

    /// Whether a comparison holds between two numbers, in statements and in
    /// `expect` alike; nil for an operator that does not compare.
    func holds(_ a: Double, _ b: Double) -> Bool? {
        switch self {
        case .less: return a < b
        case .lessOrEqual: return a <= b
        case .greater: return a > b
        case .greaterOrEqual: return a >= b
        case .equal: return a == b
        // NaN != NaN holds in IEEE 754; here a comparison with NaN never holds.
        case .notEqual: return !a.isNaN && !b.isNaN && a != b
        case .add, .subtract, .multiply, .divide, .matrixProduct, .power, .juxtaposition: return nil
        }
    }
}
