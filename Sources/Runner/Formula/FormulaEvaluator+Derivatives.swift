import Autodiff
import Foundation
import Learning
import Notation

/// Derivatives in formulas: by autodiff, confirmed by finite differences.
extension FormulaEvaluator {
    /// Autodiff and finite differences disagree: the engine would be wrong.
    struct EngineDisagreement: Error {
        var message: String
        /// Set where the disagreement decides something of the formula, not of the engine.
        var failure: FormulaFailure?
        var location: SourceLocation?
    }

    /// `∂X/∂Y`: of a single number with respect to a named value (a gradient
    /// shaped like Y), or element-wise between values of the same shape.
    func derivative(of output: Expr, withRespectTo target: Expr, at location: SourceLocation) throws -> Variable {
        // `\partial_{o_j} l` with o a chapter value: the entry j of the derivative with respect to o.
        if case let .symbol(symbol) = target.kind, symbol.components.isEmpty,
            let indexed = indexedChapterValue(symbol, indices: Array(componentValues.keys))
        {
            return try derivative(of: output, withRespectTo: Expr(.symbol(indexed), at: target.location), at: location)
        }
        // `\frac{\partial C}{\partial w^l_{jk}}`: the entry of the derivative with respect to the whole.
        if case let .symbol(symbol) = target.kind, !symbol.components.isEmpty {
            let whole = try derivative(
                of: output, withRespectTo: Expr(.symbol(symbol.withoutComponents), at: target.location),
                at: location)
            let indices = try symbol.components.map { name -> Int in
                guard let value = componentValues[name] else {
                    throw RuntimeError(
                        "the index \(name) of \(symbol.latex) is not one the equation is checked over",
                        at: target.location, failure: .indexNotChecked)
                }
                return value
            }
            return try entry(of: whole, indices, symbol: symbol, at: target.location)
        }
        let target = outputActivations(target)
        guard case let .symbol(symbol) = target.kind,
            case let .chapterName(name, moment) = try resolve(symbol, at: target.location)
        else {
            throw RuntimeError(
                "a derivative is taken with respect to a named value (a param, z⁽ˡ⁾, a⁽ˡ⁾, …)",
                at: target.location, failure: .derivativeByNoName)
        }
        let x = try evaluate(output)
        let node = try evaluation(moment).variable(named: name, at: target.location)
        let label = "∂\(describe(output))/∂\(describe(target))"
        // Finite differences nudge the node under every name it goes by.
        let aliases = Set(try evaluation(moment).names(boundTo: node) + [name]).sorted()

        if x.value.count == 1 {
            let gradient = try located(at: location) { try gradients(of: x, withRespectTo: [node])[0] }
            // The gradient returned is the one confirmed, not one the check computes itself.
            let report = try checkGradient(at: node.value, gradient: gradient) { leaf in
                try reevaluate(output, replacing: aliases, at: moment, with: leaf)
            }
            guard report.passed else {
                let values = report.worst.map {
                    "autodiff \(NumberText.format($0.autodiff)), finite differences \(NumberText.format($0.finiteDifference))"
                }
                throw EngineDisagreement(
                    message: "\(label): autodiff and finite differences disagree "
                        + "(\(values ?? "no comparison")); this is a fault in tutor's engine")
            }
            let options = GradientCheckOptions()
            note(
                DerivativeNote(
                    label: label, method: .gradient, comparison: report, maxRelativeError: report.maxRelativeError,
                    tolerance: .init(absolute: options.absoluteTolerance, relative: options.relativeTolerance)))
            return Variable(present(gradient, name: name))
        }
        guard x.value.count == node.value.count else {
            throw RuntimeError(
                "\(label): \(describe(output)) has shape \(x.shape) and \(describe(target)) has shape "
                    + "\(node.shape); tutor takes derivatives of one number, or element-wise between "
                    + "values of the same shape", at: location, failure: .derivativeOfShapesThatDiffer)
        }
        // Element-wise: the Jacobian is diagonal, and its diagonal is the gradient of Σ X.
        let diagonal = try located(at: location) { try gradients(of: x.sum(), withRespectTo: [node])[0] }
        try confirmElementwise(
            output, diagonal: diagonal, name: name, aliases: aliases, moment: moment, node: node,
            label: label)
        return Variable(present(diagonal, name: name))
    }

    /// Nielsen's `\nabla_a C`: a plain `a` that names nothing else is the
    /// model's output activations a^L.
    private func outputActivations(_ target: Expr) -> Expr {
        guard case var .symbol(symbol) = target.kind, symbol.name == "a", symbol.layer == nil, symbol.step == nil,
            let model = model(), context.before.binding("a") == nil,
            context.binding(.init(name: "a", layer: nil, step: nil)) == nil
        else { return target }
        symbol.layer = Expr(.number(Double(model.network.layers.count)), at: target.location)
        return Expr(.symbol(symbol), at: target.location)
    }

    /// Checks that X changes entry by entry with Y as the diagonal says, along
    /// the all-ones direction and a seeded ±1 direction (which also catches an X
    /// whose entries depend on other entries of Y, like softmax).
    private func confirmElementwise(
        _ output: Expr, diagonal: Tensor, name: String, aliases: [String], moment: Moment,
        node: Variable, label: String
    ) throws {
        var random = RandomGenerator(seed: 0)
        let directions = [
            Tensor(repeating: 1, shape: node.shape),
            Tensor(shape: node.shape, scalars: (0..<node.value.count).map { _ in random.nextUniform() < 0.5 ? -1 : 1 }),
        ]
        let options = GradientCheckOptions()
        let h = options.step(at: node.value.maxAbs)
        var worst = 0.0
        for v in directions {
            let plus = try reevaluate(
                output, replacing: aliases, at: moment,
                with: Variable(try Tensor.broadcasting(node.value, v, operation: "+") { $0 + h * $1 })
            ).value
            let minus = try reevaluate(
                output, replacing: aliases, at: moment,
                with: Variable(try Tensor.broadcasting(node.value, v, operation: "-") { $0 - h * $1 })
            ).value
            for k in 0..<diagonal.count {
                let fd = (plus.scalars[k] - minus.scalars[k]) / (2 * h)
                let ad = diagonal.scalars[k] * v.scalars[k]
                let error = abs(ad - fd)
                guard options.agrees(autodiff: ad, finiteDifference: fd) else {
                    throw EngineDisagreement(
                        message: "\(label) is not an element-wise derivative: moving \(name) changes other entries "
                            + "(entry \(k): expected \(NumberText.format(ad)), finite differences \(NumberText.format(fd)))",
                        failure: .derivativeNotElementwise, location: output.location)
                }
                worst = max(worst, error / max(abs(ad), abs(fd), 1e-8))
            }
        }
        note(
            DerivativeNote(
                label: label, method: .elementwise, maxRelativeError: worst,
                tolerance: .init(absolute: options.absoluteTolerance, relative: options.relativeTolerance)))
    }

    /// X again, with the value the names stand for replaced: the function finite differences probe.
    private func reevaluate(
        _ output: Expr, replacing names: [String], at moment: Moment,
        with leaf: Variable
    ) throws -> Variable {
        let probe = FormulaEvaluator(
            context: context, layerValues: layerValues, focus: focus,
            overrides: [moment: Dictionary(uniqueKeysWithValues: names.map { ($0, leaf) })])
        probe.paramsAfterStep = paramsAfterStep
        probe.productsAreElementwise = productsAreElementwise
        probe.stepAfter = stepAfter
        probe.componentValues = componentValues
        return try probe.evaluate(output)
    }

    func describe(_ e: Expr) -> String {
        if case let .call(name, _) = e.kind { return name }
        return "\(e)"
    }

    /// `f'(z)`: the derivative of the activation bound to f, at z.
    func prime(_ function: String, _ argument: Expr, at location: SourceLocation) throws -> Variable {
        let activation = try self.activation(named: function, argument: argument, at: location)
        let z = try evaluate(argument)
        guard let derivative = activation.derivative(z.value) else {
            throw RuntimeError(
                "\(function)' of \(activation.rawValue) is a Jacobian, not an element-wise derivative",
                at: location, failure: .derivativeNotElementwise)
        }
        note(DerivativeNote(label: "\(function)'", method: .activation, operand: activation.rawValue))
        return Variable(derivative)
    }

    /// The activation a function name stands for: a `where` binding, the
    /// activation of the layer its argument belongs to, or a named function.
    func activation(named function: String, argument: Expr, at location: SourceLocation) throws -> Activation {
        if let bound = context.binding(.init(name: function, layer: nil, step: nil)),
            case let .name(text) = bound.kind, let activation = Activation(name: text)
        {
            return activation
        }
        if function == FunctionLetters.sigmoid || function == "sigma" { return .sigmoid }
        // `\mathrm{ReLU}`, `\operatorname{Softmax}`: as typeset, capitals and all.
        if let activation = Activation(name: function) ?? Activation(name: function.lowercased()) { return activation }
        if FunctionLetters.activation.contains(function), case let .symbol(s) = argument.kind, let layerExpr = s.layer,
            let model = model()
        {
            let layer = try layerIndex(layerExpr)
            guard layer >= 1, layer <= model.network.layers.count else {
                throw MissingLayer(
                    message: "\(function) at layer \(layer); the model has layers 1…\(model.network.layers.count)")
            }
            return model.network.layers[layer - 1].activation
        }
        throw RuntimeError(
            "'\(function)' is not bound to an activation (where \(function) = sigmoid, "
                + "or apply it to a layer's z⁽ˡ⁾)", at: location, failure: .functionNotAnActivation)
    }

    /// Functions applied in a formula.
    func call(_ name: String, _ arguments: [Expr], at location: SourceLocation) throws -> Variable {
        if FunctionLetters.loss.contains(name) || context.before.loss?.name == name || isObjective(name, arguments),
            let loss = context.before.loss, context.before.binding(name) == nil || loss.name == name
        {
            return try lossCall(name, arguments, expression: loss.expression, at: location)
        }
        if name == "max" || name == "min", arguments.count == 2 {
            // Entry by entry, as AMSGrad's max(v^{max}_{t-1}, v_t): (a + b ± |a − b|) / 2,
            // whose derivative is the larger's (the smaller's) wherever they differ.
            let a = try evaluate(arguments[0]), b = try evaluate(arguments[1])
            return try located(at: location) {
                let spread = try (a - b).abs()
                return try (name == "max" ? a + b + spread : a + b - spread) * Variable(Tensor(0.5))
            }
        }
        guard arguments.count == 1 else {
            throw RuntimeError(
                "\(name) takes one argument in a formula (max and min take one or two)", at: location,
                failure: .tooManyArguments)
        }
        let argument = arguments[0]
        if name == "norm" {
            let x = try evaluate(argument)
            return try located(at: location) { try (x * x).sum().sqrt() }
        }
        if let function = ValueFunctions.elementwise[name] { return function(try evaluate(argument)) }
        // A reduction in a formula is over every entry.
        if let reduction = ValueFunctions.reductions[name] { return try reduction(try evaluate(argument), nil) }
        let activation = try self.activation(named: name, argument: argument, at: location)
        let z = try evaluate(argument)
        return try located(at: location) {
            activation == .softmax
                ? try z.softmax(axis: z.shape.cols == 1 && context.isExample ? 0 : 1)
                : try activation.apply(z)
        }
    }

    /// `f(\theta)`, `f_t(\theta_{t-1})`: PyTorch's boxes name the objective f, and
    /// apply it to θ; f applied to anything else stays a function.
    private func isObjective(_ name: String, _ arguments: [Expr]) -> Bool {
        guard name == "f" || name == "f_t", arguments.count == 1, case let .symbol(s) = arguments[0].kind else {
            return false
        }
        return s.name == "θ" && s.layer == nil
    }

    /// `J(θ_t)`, `L(w, b)`: the loss at the values its arguments name, at the
    /// moment their steps say. `J(θ − γ v_{t-1})`: the loss with the param θ
    /// stands for replaced by the argument's value, connected to the param so
    /// that a derivative with respect to it is the derivative at the argument.
    private func lossCall(
        _ name: String, _ arguments: [Expr], expression: Expr,
        at location: SourceLocation
    ) throws -> Variable {
        var moments: Set<Moment> = []
        var named = true
        for argument in arguments {
            guard case let .symbol(symbol) = argument.kind else { named = false; break }
            switch try resolve(symbol, at: argument.location) {
            case let .chapterName(_, moment): moments.insert(moment)
            case .loss, .constant, .bound, .definition: break
            }
        }
        if named {
            guard moments.count <= 1 else {
                throw RuntimeError(
                    "\(name)(…) names values from before and after the optimizer's step at once",
                    at: location, failure: .beforeAndAfterAtOnce)
            }
            return try loss(moments.first ?? .before)
        }
        let stepped = focus ?? (try? context.prepared(.before).lossParameters).flatMap { $0.count == 1 ? $0[0] : nil }
        guard arguments.count == 1, let parameter = stepped else {
            throw RuntimeError(
                "\(name)(…) at an argument other than its params is evaluated with one param replaced "
                    + "by the argument: write it over θ, as in \(name)(\\theta - \\gamma v)", at: location,
                failure: .argumentNotOverTheta)
        }
        let point = try evaluate(arguments[0])
        let shape = context.before.parameters[parameter]?.shape
        guard point.shape == shape || shape == nil else {
            throw ShapeMismatch(
                message: "\(name)(…): the argument has shape \(point.shape), the param \(parameter) "
                    + "\(shape.map { "\($0)" } ?? "")")
        }
        var replaced = overrides[.before] ?? [:]
        replaced[parameter] = point
        let evaluation = context.evaluation(in: context.before, overrides: replaced)
        note(DerivativeNote(label: "\(name)(…)", method: .lossAtArgument, operand: parameter))
        return try evaluation.evaluate(expression)
    }
}
