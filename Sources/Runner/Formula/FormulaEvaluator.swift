import Autodiff
import Notation

/// Evaluates the two sides of a formula's equation on the chapter's values.
///
/// Symbols are resolved by `resolve(_:)`; derivatives are taken by autodiff on
/// the same graph and confirmed by finite differences (`derivative(of:…)`).
/// Values are taken "before" (the chapter as it is) or "after" (one optimizer
/// step later, on a copy) as the symbol's step says.
final class FormulaEvaluator {
    enum Moment: Hashable { case before, after }

    /// The formula combines values whose shapes do not fit: as written, it
    /// does not hold for these values.
    struct ShapeMismatch: Error {
        var message: String
    }

    let context: FormulaContext
    /// Values of free layer variables (`l`) for this evaluation.
    var layerValues: [String: Int]
    /// The entry each free index (`j`, `k` of `w^l_{jk}`) is at, 0-based.
    var componentValues: [String: Int] = [:]
    /// The example each index of a sum over examples (`i` of `x^{(i)}`) is at, 0-based.
    var exampleRows: [String: Int] = [:]
    /// The indices of sums with limits being evaluated whole (`j` of `\sum_{j=1}^q y_j`):
    /// `y_j` of a chapter value y is all of y there, its entries picked by the limits.
    var wholeEntryIndices: Set<String> = []
    /// The param that `θ` (and the optimizer's state) stands for here.
    let focus: String?
    /// Unstepped params read as after the step (the left side of `θ = θ − …`).
    var paramsAfterStep = false
    /// In an update formula, factors of one shape side by side multiply element-wise.
    var productsAreElementwise = false
    /// Which time subscript of a param is its value after the optimizer's step:
    /// 1 as the articles write it (θ_{t+1} = θ_t − …), 0 as PyTorch, Kingma & Ba
    /// and d2l write it (θ_t = θ_{t-1} − …). Optimizer state is indexed by the step
    /// that made it in both (m_t after, m_{t-1} before).
    var stepAfter = 1
    /// How each derivative was computed and confirmed.
    private(set) var notes: [DerivativeNote] = []
    let overrides: [Moment: [String: Variable]]
    private var evaluations: [Moment: Evaluation] = [:]
    /// The loss of each moment (or why it failed), computed once per evaluation.
    private var losses: [Moment: Result<Variable, any Error>] = [:]
    private var definitionDepth = 0

    init(
        context: FormulaContext, layerValues: [String: Int], focus: String?,
        overrides: [Moment: [String: Variable]] = [:]
    ) {
        self.context = context
        self.layerValues = layerValues
        self.focus = focus
        self.overrides = overrides
    }

    /// The evaluation of one moment. Its graph first computes the loss (or the
    /// model), so that a layer's z and a are nodes connected to the params.
    /// Without overrides it is the context's, shared by every evaluator.
    func evaluation(_ moment: Moment) throws -> Evaluation {
        if let existing = evaluations[moment] { return existing }
        let evaluation: Evaluation
        if let overrides = overrides[moment], !overrides.isEmpty {
            let environment = try self.environment(moment)
            evaluation = context.evaluation(in: environment, overrides: overrides)
            if let loss = environment.loss {
                losses[moment] = Result { try evaluation.evaluate(loss.expression) }
            }
        } else {
            let prepared = try context.prepared(moment)
            evaluation = prepared.evaluation
            losses[moment] = prepared.loss
        }
        evaluations[moment] = evaluation
        return evaluation
    }

    /// The chapter's loss at a moment: the node the evaluation computed first,
    /// or the error computing it gave.
    func loss(_ moment: Moment) throws -> Variable {
        _ = try evaluation(moment)
        guard let loss = losses[moment] else {
            throw RuntimeError("the chapter has no loss (loss L = …)", at: context.location, failure: .noLoss)
        }
        return try loss.get()
    }

    func environment(_ moment: Moment) throws -> Environment {
        moment == .before ? context.before : try context.after()
    }

    // MARK: Expressions

    func evaluate(_ expression: Expr) throws -> Variable {
        let location = expression.location
        switch expression.kind {
        case let .number(value):
            return Variable(Tensor(value))
        case let .symbol(symbol):
            if let index = context.exampleIndex(of: symbol) {
                return try exampleValue(symbol, index: index, at: location)
            }
            if symbol.layer != nil, !context.readsAsLayer(symbol) { return try barePower(symbol, at: location) }
            if !wholeEntryIndices.isEmpty,
                let indexed = indexedChapterValue(symbol, indices: Array(wholeEntryIndices))
            {
                return try value(of: indexed.withoutComponents, at: location)
            }
            if !symbol.components.isEmpty { return try component(symbol, at: location) }
            if let indexed = indexedChapterValue(symbol, indices: Array(componentValues.keys)) {
                return try component(indexed, at: location)
            }
            return try value(of: symbol, at: location)
        case let .name(name):
            return present(try evaluation(.before).variable(named: name, at: location), name: name)
        case let .negate(operand):
            return -(try evaluate(operand))
        case let .transpose(operand):
            return try evaluate(operand).transposed
        case let .binary(op, left, right, operatorLocation):
            if op == .juxtaposition, expression.spelling == "(", let applied = try valueAtExamples(left, right) {
                return applied
            }
            // `l(w_{t-1})` where the chapter's loss is named l: the loss at its argument, never l times w.
            if op == .juxtaposition, expression.spelling == "(", case let .symbol(s) = left.kind, s.layer == nil,
                s.components.isEmpty, let loss = context.before.loss, loss.name == s.name,
                context.bindings[.init(name: s.name, layer: nil, step: nil)] == nil
            {
                return try call(loss.name, [right], at: location)
            }
            let a = try evaluate(left)
            do {
                if op == .power, a.value.count > 1, Self.isInverseExponent(right) {
                    return try inverse(a, at: operatorLocation)
                }
                let b = try evaluate(right)
                if op == .juxtaposition { return try juxtapose(a, b, at: operatorLocation) }
                return try op.apply(a, b)
            } catch let error as TensorError {
                throw ShapeMismatch(message: "\(error) (at \(operatorLocation.line):\(operatorLocation.column))")
            }
        case let .derivative(of, withRespectTo):
            return try derivative(of: of, withRespectTo: withRespectTo, at: location)
        case let .prime(function, argument):
            return try prime(function, argument, at: location)
        case let .entry(operand, indices):
            return try entry(of: operand, indices, at: location)
        case let .call(name, arguments) where name == "sum" && arguments.contains(where: { $0.label != nil }):
            if let entries = try sumOverEntries(arguments, at: location) { return entries }
            return try summation(arguments, at: location)
        case let .call(name, arguments) where name == PiecewiseNames.cases:
            return try piecewise(arguments, at: location)
        case let .call(name, arguments) where name == PiecewiseNames.indicator && arguments.count == 1:
            // The comparison inside is 1 where it holds and 0 elsewhere, which is the indicator.
            return try evaluate(arguments[0].value)
        case let .call(name, arguments):
            return try call(name, arguments.map(\.value), at: location)
        case .string, .matrix, .row:
            throw RuntimeError(
                "this form is not part of a formula's meaning", at: location, failure: .formWithoutMeaning)
        }
    }

    /// In `for example i` a row of the batch is shown as the column a textbook
    /// writes: a layer's z and a, data, values computed from them, and biases
    /// (vectors by convention). Other params keep their shape: a weight matrix
    /// with one row is still a matrix.
    func present(_ v: Variable, name: String? = nil) -> Variable {
        isColumnVector(v.shape, name: name) ? v.transposed : v
    }

    func present(_ t: Tensor, name: String? = nil) -> Tensor {
        isColumnVector(t.shape, name: name) ? t.transposed : t
    }

    private func isColumnVector(_ shape: Shape, name: String?) -> Bool {
        guard context.isExample, !shape.isScalar, shape.rows == 1, shape.cols > 1 else { return false }
        guard let name, context.before.parameters[name] != nil else { return true }
        return context.before.models.values.contains { model in
            model.network.layers.indices.contains { model.biasName($0 + 1) == name }
        }
    }

    /// Evaluates a definition's right side with its layer variable bound, at the
    /// entry `components` says when it was written per entry, or at every entry.
    func evaluateDefinition(
        _ definition: FormulaContext.Definition, layer: Int?, components: [Int]? = nil,
        at location: SourceLocation
    ) throws -> Variable {
        definitionDepth += 1
        defer { definitionDepth -= 1 }
        guard definitionDepth < 50 else {
            throw RuntimeError(
                "the definitions refer to each other without end", at: location, failure: .circularDefinitions)
        }
        let saved = layerValues, savedStep = stepAfter, savedComponents = componentValues
        let savedNames = context.symbolNames
        defer {
            layerValues = saved
            stepAfter = savedStep
            componentValues = savedComponents
            context.symbolNames = savedNames
        }
        context.symbolNames = definition.symbolNames
        stepAfter = definition.stepAfter
        if let variable = definition.layerVariable, let layer { layerValues[variable] = layer }
        guard !definition.components.isEmpty else { return try evaluate(definition.right) }
        if let components {
            for (name, value) in zip(definition.components, components) { componentValues[name] = value }
            return try evaluate(definition.right)
        }
        return try assembled(definition.components, over: [definition.right], at: location) {
            try evaluate(definition.right)
        }
    }

    /// `a^2` where `a` is no layer symbol of a model: the power it is typeset as.
    private func barePower(_ symbol: FormulaSymbol, at location: SourceLocation) throws -> Variable {
        guard symbol.components.isEmpty, let exponent = symbol.layer else {
            throw RuntimeError(
                "\(symbol.latex): entries are indexed on a model's layer symbols (w^l_{jk}, \\delta^l_j); "
                    + "without a model, or where the letter names a chapter value, ^ is a power", at: location,
                failure: .entryIndexWithoutModel)
        }
        var base = symbol
        base.layer = nil
        base.layerBrackets = .parentheses
        let power = Expr(
            .binary(.power, Expr(.symbol(base), at: location), exponent, operatorLocation: exponent.location),
            at: location)
        return try evaluate(power)
    }

    func note(_ derivative: DerivativeNote) {
        if !notes.contains(derivative) { notes.append(derivative) }
    }
}
