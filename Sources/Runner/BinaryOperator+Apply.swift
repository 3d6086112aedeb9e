import Learning
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
        }
    }
}
