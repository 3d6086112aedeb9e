import Learning
import Notation

/// `let`, `param` and `loss` statements: a name bound to a value.
extension Interpreter {
    func defineLet(_ name: Identifier, _ expression: Expr) throws {
        try checkRedefinition(name)
        let isBoolean = Booleans.isBoolean(expression, in: environment)
        if environment.isLive(expression) {
            let definition = try checkLiveDefinition(expression)  // a mistake shows here, not at first use
            environment.bind(name.name, .live(expression))
            if let definition {
                environment.definitionValues[name.name] = definition
                environment.repeatableLiveNames.insert(name.name)
            }
        } else {
            environment.bind(name.name, .constant(try evaluateOnce(expression).value, expression))
        }
        if isBoolean { environment.markBoolean(name.name) }
    }

    func defineParameter(_ name: Identifier, _ expression: Expr) throws {
        try checkRedefinition(name)
        environment.declareParameter(name.name, try evaluateOnce(expression).value)
    }

    /// The loss: one number, bound live so that it follows the params. Its
    /// evaluation is kept for the first step of training, which needs the same
    /// forward pass, unless the name meant something before: the expression
    /// was then evaluated with that meaning, not with its own.
    func defineLoss(_ name: Identifier, _ expression: Expr) throws {
        try checkRedefinition(name)
        let isNewName = environment.binding(name.name) == nil
        let evaluation = Evaluation(environment)
        let value = try evaluation.evaluate(expression)
        evaluation.recordLayerValues()
        guard value.value.count == 1 else {
            throw RuntimeError(
                "a loss must be a single number; this one has shape \(value.shape)",
                at: expression.location)
        }
        environment.bind(name.name, .live(expression))
        environment.loss = (name.name, expression)
        if isNewName { environment.keep(evaluation, loss: value) }
    }

    /// Models own their parameter names, and `true` and `false` are the two
    /// booleans; anything else may be redefined.
    private func checkRedefinition(_ name: Identifier) throws {
        if environment.models[name.name] != nil {
            throw RuntimeError("'\(name.name)' is a model; choose another name", at: name.location)
        }
        if Booleans.constants[name.name] != nil {
            throw RuntimeError("'\(name.name)' is a boolean (1 or 0); choose another name", at: name.location)
        }
    }
}
