import Notation

/// The `\textbf{if}` tests of an algorithm box, decided on the chapter's optimizer.
extension FormulaEvaluator {
    /// Options PyTorch's boxes test that tutor's optimizers do not have, and the
    /// value they always have here: tutor minimises.
    static let fixedFlags: [String: Bool] = ["maximize": false]

    /// Whether every test comes out as its branch says; if not, the first that does
    /// not, described with the values it was decided on.
    func firstUnmet(_ conditions: [AlgorithmCondition]) throws -> String? {
        for condition in conditions {
            let (outcome, values) = try decide(condition)
            if outcome != condition.holds {
                let verdict = condition.holds ? "is false" : "holds, and this row is on its \\textbf{else} branch"
                return "\(condition.source) \(verdict)\(values.isEmpty ? "" : " (\(values))")"
            }
        }
        return nil
    }

    private func decide(_ condition: AlgorithmCondition) throws -> (Bool, String) {
        switch condition.test {
        case let .flag(name):
            let options = context.before.optimizer?.optimizer.hyperparameters ?? []
            if let option = options.first(where: { $0.name == name }) {
                return (option.value != 0, "\(name) = \(option.value != 0 ? "true" : "false")")
            }
            if let fixed = Self.fixedFlags[name] {
                return (fixed, "tutor's optimizers minimise")
            }
            let known = options.map(\.name).joined(separator: ", ")
            throw RuntimeError("the test \(condition.source) names no option of the optimizer"
                               + (known.isEmpty ? " (there is no optimizer)" : " (it has \(known))"),
                               at: condition.location)
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
            var values: [String] = []
            for (side, x) in [(left, a), (right, b)] where side.kind.isSymbolOrName {
                values.append("\(side.kind.symbolText) = \(NumberText.format(x))")
            }
            return (outcome, values.joined(separator: ", "))
        }
    }

    private func scalar(_ expression: Expr, _ condition: AlgorithmCondition) throws -> Double {
        let value = try evaluate(expression).value
        guard value.count == 1 else {
            throw RuntimeError("the test \(condition.source) compares a value of shape \(value.shape): "
                               + "a test compares numbers", at: condition.location)
        }
        return value.scalars[0]
    }
}

private extension Expr.Kind {
    var isSymbolOrName: Bool {
        switch self {
        case .symbol, .name: return true
        default: return false
        }
    }

    var symbolText: String {
        switch self {
        case let .symbol(s): return s.latex
        case let .name(n): return n
        default: return ""
        }
    }
}
