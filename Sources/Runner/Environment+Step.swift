import Autodiff
import Notation

extension Environment {
    /// One step of the optimizer on the loss: gradients by autodiff of the
    /// loss with respect to the params it depends on, then the update.
    /// Returns the loss before the step (a loss that is not finite is
    /// returned without a step).
    ///
    /// The stored optimizer is stepped in place, and the parameters it updates
    /// are held only by the step, so that neither its state nor the parameters
    /// are copied: the graph that held them is gone once the gradients are known.
    func takeOptimizerStep(overrides: [String: Variable] = [:], at location: SourceLocation) throws -> Double {
        guard let loss, let fixed = optimizer.map(\.parameterNames) else {
            throw RuntimeError("a step needs a loss and an optimizer", at: location)
        }
        let (lossValue, names, grads) = try lossGradients(loss, overrides: overrides, fixed: fixed, at: location)
        guard let grads else { return lossValue }
        var tensors = names.map { parameters.removeValue(forKey: $0)! }
        defer { for (name, tensor) in zip(names, tensors) { parameters[name] = tensor } }
        // A step that throws (parameters that do not fit the first step) changes nothing.
        try located(at: location) { try optimizer!.optimizer.step(&tensors, gradients: grads) }
        optimizer!.parameterNames = names
        return lossValue
    }

    /// The loss, the params it depends on and their gradients (nil when the
    /// loss is not finite). The graph is local, so it is released on return.
    private func lossGradients(
        _ loss: (name: String, expression: Expr), overrides: [String: Variable],
        fixed: [String]?, at location: SourceLocation
    ) throws
        -> (loss: Double, names: [String], gradients: [Tensor]?)
    {
        let evaluation = Evaluation(self, overrides: overrides)
        let value = try evaluation.evaluateLoss(loss)
        guard value.value.count == 1 else {
            throw RuntimeError(
                "the loss '\(loss.name)' is now a value of shape \(value.shape), not a single number "
                    + "(a value it reads was redefined); define the loss again", at: location)
        }
        let leaves = evaluation.parameterLeaves
        guard !leaves.isEmpty else {
            throw RuntimeError("the loss '\(loss.name)' does not depend on any param: nothing to train", at: location)
        }
        let names = leaves.map(\.name)
        if let fixed, fixed != names {
            throw RuntimeError(
                "the loss now depends on \(names.joined(separator: ", ")) but the optimizer was "
                    + "stepping \(fixed.joined(separator: ", ")); declare the optimizer again", at: location)
        }
        let scalar = value.value.scalar
        guard scalar.isFinite else { return (scalar, names, nil) }
        let grads = try located(at: location) { try gradients(of: value, withRespectTo: leaves.map(\.leaf)) }
        return (scalar, names, grads)
    }
}
