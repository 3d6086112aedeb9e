import Notation

/// The `\textbf{if}` tests of an algorithm box, decided on the chapter's optimizer.
extension FormulaEvaluator {
    /// Options PyTorch's boxes test that tutor's optimizers do not have, and the
    /// value they always have here: tutor minimises.
    static let fixedFlags: [String: Bool] = ["maximize": false]

    /// Whether every test comes out as its branch says; if not, the first that does
    /// not, with the values it was decided on.
    func firstUnmet(_ conditions: [AlgorithmCondition]) throws -> UnmetTest? {
        for condition in conditions {
            let (outcome, values) = try decide(condition)
            if outcome != condition.holds {
                return UnmetTest(source: condition.source, holds: outcome, values: values)
            }
        }
        return nil
    }

    private func decide(_ condition: AlgorithmCondition) throws -> (Bool, [UnmetTest.Value]) {
        switch condition.test {
        case let .flag(name):
            let options = context.before.optimizer?.optimizer.hyperparameters ?? []
            if let option = options.first(where: { $0.name == name }) {
                return (option.value != 0, [.flag(name: name, isSet: option.value != 0)])
            }
            if let fixed = Self.fixedFlags[name] {
                return (fixed, [.minimises])
            }
            let known = options.map(\.name).joined(separator: ", ")
            throw RuntimeError(
                "the test \(condition.source) names no option of the optimizer"
                    + (known.isEmpty ? " (there is no optimizer)" : " (it has \(known))"),
                at: condition.location, failure: .unknownOptimizerOption)
        case let .comparison(left, relation, right):
            let a = try scalar(left, condition), b = try scalar(right, condition)
            let outcome: Bool
            switch relation {
            case "=": outcome = a == b
            case "≠": outcome = a != b
            case "<": outcome = a < b
            case "≤": outcome = a <= b
            case ">": outcome = a > b
            default: outcome = a >= b
            }
            let values = [(left, a), (right, b)].compactMap { side, x in
                side.kind.symbolText.map { UnmetTest.Value.number(name: $0, value: x) }
            }
            return (outcome, values)
        }
    }

    private func scalar(_ expression: Expr, _ condition: AlgorithmCondition) throws -> Double {
        let value = try evaluate(expression).value
        guard value.count == 1 else {
            throw RuntimeError(
                "the test \(condition.source) compares a value of shape \(value.shape): "
                    + "a test compares numbers", at: condition.location, failure: .testNotANumber)
        }
        return value.scalars[0]
    }
}

private extension Expr.Kind {
    /// A symbol or name as written; nil for anything else.
    var symbolText: String? {
        switch self {
        case let .symbol(s): return s.latex
        case let .name(n): return n
        default: return nil
        }
    }
}
