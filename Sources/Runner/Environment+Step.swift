import Learning
import Notation

extension Environment {
    /// One step of the optimizer on the loss: gradients by autodiff of the
    /// loss with respect to the params it depends on, then the update.
    /// Returns the loss before the step (a loss that is not finite is
    /// returned without a step).
    func takeOptimizerStep(overrides: [String: Variable] = [:], at location: SourceLocation) throws -> Double {
        guard let loss, var state = optimizer else {
            throw RuntimeError("a step needs a loss and an optimizer", at: location)
        }
        let evaluation = Evaluation(self, overrides: overrides)
        let value = try evaluation.evaluate(loss.expression)
        guard value.value.count == 1 else {
            throw RuntimeError("the loss '\(loss.name)' is now a value of shape \(value.shape), not a single number "
                               + "(a value it reads was redefined); define the loss again", at: location)
        }
        let leaves = evaluation.parameterLeaves
        guard !leaves.isEmpty else {
            throw RuntimeError("the loss '\(loss.name)' does not depend on any param: nothing to train", at: location)
        }
        let names = leaves.map(\.name)
        if let fixed = state.parameterNames, fixed != names {
            throw RuntimeError("the loss now depends on \(names.joined(separator: ", ")) but the optimizer was "
                               + "stepping \(fixed.joined(separator: ", ")); declare the optimizer again", at: location)
        }
        state.parameterNames = names
        guard value.value.scalar.isFinite else { return value.value.scalar }
        let grads = try located(at: location) { try gradients(of: value, withRespectTo: leaves.map(\.leaf)) }
        var tensors = leaves.map(\.leaf.value)
        try located(at: location) { try state.optimizer.step(&tensors, gradients: grads) }
        for (name, tensor) in zip(names, tensors) { parameters[name] = tensor }
        optimizer = state
        return value.value.scalar
    }
}
