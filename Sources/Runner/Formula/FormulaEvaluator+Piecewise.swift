import Autodiff
import Notation

/// `\begin{cases} v_1 & c_1 \\ v_2 & c_2 \\ v_3 & \text{otherwise} \end{cases}`, entry by entry:
/// the value of the first case whose condition holds; the otherwise row where none
/// does. A condition's derivative is 0, so the derivative is the chosen value's.
extension FormulaEvaluator {
    func piecewise(_ arguments: [Argument], at location: SourceLocation) throws -> Variable {
        var result: Variable?
        // Where no earlier case has held yet: 1, then 0 once one does.
        var open = Variable(Tensor(1))
        for pair in stride(from: 0, to: arguments.count - 1, by: 2) {
            let value = try evaluate(arguments[pair].value)
            let condition = arguments[pair + 1]
            let holds =
                condition.label == PiecewiseNames.otherwise
                ? Variable(Tensor(1))
                : try evaluate(condition.value)
            let chosen = try located(at: location) { try open * holds }
            let term = try located(at: location) { try chosen * value }
            result = try result.map { r in try located(at: location) { try r + term } } ?? term
            open = try located(at: location) { try open - chosen }
        }
        guard let result else {
            throw RuntimeError("a cases block needs a case", at: location, failure: .casesWithoutACase)
        }
        return result
    }
}
