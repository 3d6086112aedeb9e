import Learning
import Notation

/// The optimizer an `optimizer` statement names, built by `makeOptimizer`.
///
/// The names come from the one list the chapter language knows
/// (`Builtins.optimizers`), and a misspelt name or option gets the same
/// "did you mean" suggestion as every other name in a chapter.
func makeChapterOptimizer(name: String, arguments: [String: Double], positional: [Double]) throws -> any Optimizer {
    guard Builtins.optimizers.contains(name) else {
        throw OptimizerError.unknownOptimizer(
            name: name, suggestion: suggestion(for: name, among: Builtins.optimizers),
            valid: Builtins.optimizers)
    }
    do {
        return try makeOptimizer(name: name, arguments: arguments, positional: positional)
    } catch let OptimizerError.unknownOption(optimizer, option, _, valid) {
        throw OptimizerError.unknownOption(
            optimizer: optimizer, option: option,
            suggestion: suggestion(for: option, among: valid), valid: valid)
    }
}

/// The candidate that differs from `name` only in case (`RMSProp`), else the nearest one.
private func suggestion(for name: String, among candidates: [String]) -> String? {
    candidates.first { $0 == name.lowercased() } ?? nearestName(to: name, among: candidates)
}
