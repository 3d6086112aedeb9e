import Autodiff
import Notation

/// A live `let` is evaluated once where it is defined, so that a mistake shows
/// there and not at its first use. Evaluated from scratch, each link of a chain
/// of lets (`let a2 = a1 + 1`) would evaluate every link before it: n lets, n²/2
/// evaluations. The names it reads that have a definition value stand for that
/// value instead, which is what evaluating them again would give.
extension Interpreter {
    /// Evaluates the expression of a live definition; returns its value and depth
    /// when the name can keep them as a definition value (`Environment.definitionValues`).
    func checkLiveDefinition(_ expression: Expr) throws -> (value: Tensor, depth: Int)? {
        var overrides: [String: Variable] = [:], depths: [String: Int] = [:]
        for name in readNames(expression) {
            guard let definition = environment.definitionValues[name] else { continue }
            overrides[name] = Variable(definition.value)
            depths[name] = definition.depth
        }
        let evaluation = Evaluation(environment, overrides: overrides)
        evaluation.overrideDepths = depths
        let value = try evaluation.evaluate(expression).value
        evaluation.recordLayerValues()
        return isRepeatable(expression) ? (value, evaluation.deepest) : nil
    }

    private func readNames(_ expression: Expr) -> Set<String> {
        var names: Set<String> = []
        var pending = [expression]
        while let e = pending.popLast() {
            if case let .name(name) = e.kind { names.insert(name) }
            pending += e.kind.children
        }
        return names
    }

    /// Whether evaluating the expression again gives the same value as long as no
    /// param changes and no name is redefined: it reads params, data, constants and
    /// repeatable live names, and calls no model (whose call records
    /// layer values), no `grad` (whose graph matters) and draws no random numbers.
    private func isRepeatable(_ expression: Expr) -> Bool {
        var pending = [expression]
        while let e = pending.popLast() {
            switch e.kind {
            case let .name(name):
                switch environment.binding(name) {
                case .parameter?, .data?, .constant?: break
                case .live?: if !environment.repeatableLiveNames.contains(name) { return false }
                case nil: return false
                }
            case let .call(name, _):
                if environment.models[name] != nil || ["grad", "rand", "randn", "value"].contains(name) {
                    return false
                }
            default:
                break
            }
            pending += e.kind.children
        }
        return true
    }
}
