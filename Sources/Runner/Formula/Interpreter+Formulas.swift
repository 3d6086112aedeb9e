import Autodiff
import Chapter
import Foundation
import Notation

/// `check formula`: every equation of the display math above, read from its
/// LaTeX and evaluated on the chapter's values.
extension Interpreter {
    /// A check changes no state, so one that cannot be made (a formula that does
    /// not read, a binding that names nothing) is an error of that check only:
    /// the chapter goes on.
    func checkFormula(_ check: FormulaCheck, statement: Statement) throws -> CheckResult {
        var result: CheckResult
        do {
            result = try checkedFormula(check, statement: statement)
        } catch let error as RuntimeError {
            result = CheckResult(
                line: statement.location.line, kind: .formula, source: statement.source,
                status: .error, message: error.message)
            result.location = error.location
            result.failure = error.failure
        }
        result.formula = displayMathAbove?.location
        return result
    }

    private func checkedFormula(_ check: FormulaCheck, statement: Statement) throws -> CheckResult {
        let location = statement.location
        guard let display = displayMathAbove else {
            throw RuntimeError(
                "check formula needs display math ($$ … $$) above its block", at: location, failure: .noDisplayMath)
        }
        if display.isShownUnchecked {
            throw RuntimeError(
                "the formula above is marked \(DisplayMath.showMarker) (shown, not checked); "
                    + "remove the mark to check it", at: location, failure: .shownUnchecked)
        }
        let reading = display.reading
        if let first = reading.diagnostics.first {
            throw RuntimeError(
                "the formula above is outside what tutor reads: \(first.message)", at: first.location,
                failure: .formulaUnreadable)
        }
        guard !reading.equations.isEmpty else {
            throw RuntimeError(
                "the formula above has no equation (a = b) to check", at: display.location,
                failure: .noEquation)
        }
        let context = try FormulaContext(environment: environment, example: check.example, location: location)
        context.definitions = formulaDefinitions
        var bindingKeys: [(FormulaContext.SymbolKey, FormulaBinding)] = []
        for binding in check.bindings {
            let key = try bindingKey(binding)
            context.bindings[key] = binding.value
            bindingKeys.append((key, binding))
        }
        let tolerance =
            check.tolerance.map { Tolerance(absolute: $0, relative: $0) }
            ?? .formula

        context.convention = check.convention ?? formulaNotation.convention
        context.explicitDefinitions = formulaNotation.explicitDefinitions
        context.stepAfter = try stepAfter(in: reading.equations, context: context)
        for equation in reading.equations {
            var pending = [equation.left, equation.right] + equation.conditions.flatMap(\.expressions)
            while let e = pending.popLast() {
                if case let .symbol(s) = e.kind { context.symbolNames.insert(s.name) }
                pending += e.kind.children
            }
        }
        let results = try checkRows(reading.equations, context: context, tolerance: tolerance)
        // A binding nothing resolved through would be silently ignored: the author meant something by it.
        for (key, binding) in bindingKeys where !context.usedBindings.contains(key) && !context.evaluationsStopped {
            throw RuntimeError(
                "where binds \(binding.symbol), but no symbol of the formula is resolved through it",
                at: binding.location, failure: .bindingUnused)
        }
        formulaDefinitions = context.definitions
        return summarize(results, check: check, statement: statement)
    }

    /// A `where` symbol as the key its formula symbol will be looked up by.
    private func bindingKey(_ binding: FormulaBinding) throws -> FormulaContext.SymbolKey {
        let reading = readFormula("\(binding.symbol) = 0", at: binding.location)
        guard reading.diagnostics.isEmpty, let left = reading.equations.first?.left,
            case let .symbol(symbol) = left.kind
        else {
            throw RuntimeError(
                "'\(binding.symbol)' is not a symbol a formula can name", at: binding.location,
                failure: .bindingNotASymbol)
        }
        var layer: Int?
        if let expression = symbol.layer {
            guard case let .number(x) = expression.kind else {
                throw RuntimeError(
                    "a where clause names a concrete layer: \(symbol.name)^{(2)}", at: binding.location,
                    failure: .bindingLayerNotConcrete)
            }
            layer = try FormulaEvaluator.wholeLayerIndex(x, "the layer of \(binding.symbol)", at: binding.location)
        }
        return .init(name: symbol.name, layer: layer, step: symbol.step)
    }

    /// One equation: a definition, or the sides compared at every instance it
    /// stands for (each free layer, each param a free θ names).
    func checkEquation(
        _ equation: Equation, index: Int, context: FormulaContext,
        tolerance: Tolerance
    ) throws -> [EquationResult] {
        let freeLayers = freeLayerVariables(in: equation, context: context)
        let probe = FormulaEvaluator(
            context: context, layerValues: Dictionary(uniqueKeysWithValues: freeLayers.map { ($0, 1) }),
            focus: nil)
        if let definition = definitionResult(
            equation, index: index, freeLayers: freeLayers, probe: probe, context: context)
        {
            return [definition]
        }
        let layerCount = probe.model()?.network.layers.count ?? 0
        if !freeLayers.isEmpty && layerCount == 0 {
            return [
                EquationResult(
                    index: index, source: equation.source, status: .error,
                    message: "the layer index \(freeLayers[0]) is free but there is no model: "
                        + "bind it (check formula where \(freeLayers[0]) = 1)",
                    failure: .freeLayerWithoutModel, location: equation.location)
            ]
        }
        let results = try instances(
            of: equation, freeLayers: freeLayers, layerCount: layerCount, probe: probe,
            context: context
        ).map { instance in
            try compareSides(of: equation, index: index, at: instance, context: context, tolerance: tolerance)
        }
        if !results.isEmpty, results.allSatisfy({ $0.status == .skipped }) {
            return [
                EquationResult(
                    index: index, source: equation.source, status: .error,
                    message: "no layer has every symbol of this equation", failure: .noLayerHasEverySymbol,
                    location: equation.location)
            ]
        }
        return results.filter { $0.status != .skipped || freeLayers.isEmpty }
    }

    /// The result of an equation that defines its left side, or nil when it is to be compared.
    private func definitionResult(
        _ equation: Equation, index: Int, freeLayers: [String], probe: FormulaEvaluator,
        context: FormulaContext
    ) -> EquationResult? {
        // `:=`, `\equiv`, `\triangleq` define; so does a left side that names nothing yet.
        if equation.isDefinition {
            guard case let .symbol(symbol) = equation.left.kind else {
                return EquationResult(
                    index: index, source: equation.source, status: .error,
                    message: "\(equation.relation) defines a symbol: its left side must be one",
                    failure: .definitionOfNoSymbol, location: equation.left.location)
            }
            return define(symbol, equation, index: index, freeLayers: freeLayers, context: context)
        }
        guard case let .symbol(symbol) = equation.left.kind, isUnbound(symbol, probe),
            probe.indexedChapterValue(symbol, indices: ["i", "j", "k"]) == nil
        else { return nil }
        // With explicit definitions only `:=` and its kin (and an algorithm's `\leftarrow`) define.
        if context.explicitDefinitions, equation.relation != "←" {
            return EquationResult(
                index: index, source: equation.source, status: .error,
                message: "\(equation.left) names no value, and this chapter's definitions are "
                    + "explicit (notation explicit definitions): define it with :=, or bind it "
                    + "with where", failure: .undefinedUnderExplicitDefinitions,
                location: equation.left.location)
        }
        return define(symbol, equation, index: index, freeLayers: freeLayers, context: context)
    }

    /// One value of the free layer indices and of a free θ, for which an equation is compared.
    private struct EquationInstance {
        var layers: [String: Int]
        var subject: EquationSubject
    }

    /// Every instance the equation stands for: each layer of the model for a
    /// free layer index, each stepped param for θ, and the entry indices it holds for.
    private func instances(
        of equation: Equation, freeLayers: [String], layerCount: Int, probe: FormulaEvaluator,
        context: FormulaContext
    ) -> [EquationInstance] {
        let layerChoices: [[String: Int]] =
            freeLayers.isEmpty
            ? [[:]]
            : (1...layerCount).map { l in Dictionary(uniqueKeysWithValues: freeLayers.map { ($0, l) }) }
        let focusChoices: [String?] =
            mentionsParameterFamily(equation, context: context)
            ? steppedParameters(context: context).map { $0 } : [nil]
        let components = freeComponents(in: equation, probe)
        return layerChoices.flatMap { layers in
            focusChoices.map { focus in
                EquationInstance(
                    layers: layers,
                    subject: EquationSubject(layer: layers.values.first, parameter: focus, components: components))
            }
        }
    }

    /// Both sides of the equation evaluated at one instance and compared entry by entry.
    private func compareSides(
        of equation: Equation, index: Int, at instance: EquationInstance, context: FormulaContext,
        tolerance: Tolerance
    ) throws -> EquationResult {
        let subject = instance.subject
        var result = EquationResult(
            index: index, source: equation.source,
            subject: subject == EquationSubject() ? nil : subject, status: .passed)
        let assignment = isAssignment(equation)
        let evaluator = FormulaEvaluator(context: context, layerValues: instance.layers, focus: subject.parameter)
        evaluator.productsAreElementwise = assignment || isStepped(equation)
        evaluator.stepAfter = context.stepAfter
        result.tolerance = tolerance
        do {
            let sides = [equation.left, equation.right]
            // Free indices (`\delta^l_j = …`): each side at every entry, compared together.
            func side(_ expression: Expr) throws -> Tensor {
                guard !subject.components.isEmpty else { return try evaluator.evaluate(expression).value }
                return try evaluator.assembled(subject.components, over: sides, at: expression.location) {
                    try evaluator.evaluate(expression)
                }.value
            }
            evaluator.paramsAfterStep = assignment
            let left = try side(equation.left)
            evaluator.paramsAfterStep = false
            let right = try side(equation.right)
            compare(left, right, tolerance: tolerance, into: &result)
        } catch let limit as TimeLimitExceeded {
            throw limit
        } catch {
            // An equation left half evaluated may not have reached every binding.
            context.evaluationsStopped = true
            describe(error, into: &result)
        }
        result.derivatives = evaluator.notes
        return result
    }

    /// The status and diagnostic of an equation whose evaluation stopped at `error`.
    private func describe(_ error: any Error, into result: inout EquationResult) {
        switch error {
        case let missing as FormulaEvaluator.MissingLayer:
            result.status = .skipped
            result.message = missing.message
        case let mismatch as FormulaEvaluator.ShapeMismatch:
            // As written, the formula combines values whose shapes do not fit.
            result.status = .failed
            result.message = mismatch.message
        case let disagreement as FormulaEvaluator.EngineDisagreement:
            result.status = .error
            result.message = disagreement.message
            result.failure = disagreement.failure
            result.location = disagreement.location
        case let unbound as FormulaEvaluator.UnboundSymbol:
            result.status = .error
            result.message =
                "\(unbound.symbol) names no value: bind it with where, define it in an "
                + "earlier formula, or name a chapter value"
            result.failure = .unboundSymbol
            result.location = unbound.location
        case let error as RuntimeError:
            result.status = .error
            result.message = error.message
            result.failure = error.failure
            result.location = error.location
        default:
            result.status = .error
            result.message = "\(error)"
        }
    }

    func isUnbound(_ symbol: FormulaSymbol, _ probe: FormulaEvaluator) -> Bool {
        do {
            return try probe.meaning(of: symbol, at: probe.context.location) == nil
        } catch is FormulaEvaluator.UnboundSymbol {
            return true
        } catch {
            return false
        }
    }

    func define(
        _ symbol: FormulaSymbol, _ equation: Equation, index: Int, freeLayers: [String],
        context: FormulaContext
    ) -> EquationResult {
        var layer: Int?
        var layerVariable: String?
        if let expression = symbol.layer {
            if case let .symbol(s) = expression.kind, s.layer == nil, freeLayers.contains(s.name) {
                layerVariable = s.name
            } else if let value = try? FormulaEvaluator(context: context, layerValues: [:], focus: nil).layerIndex(
                expression)
            {
                layer = value
            }
        }
        context.definitions[.init(name: symbol.name, layer: layer, step: symbol.step)] =
            .init(
                right: equation.right, layerVariable: layerVariable, source: equation.source,
                components: symbol.components, stepAfter: context.stepAfter, symbolNames: context.symbolNames)
        // The right side is evaluated by the formulas that use the symbol; the
        // where clauses it names are this check's all the same.
        for name in symbolNames(in: equation.right) { context.noteUse(.init(name: name, layer: nil, step: nil)) }
        var result = EquationResult(index: index, source: equation.source, status: .definition)
        result.defined = DefinedSymbol(symbol: "\(equation.left)", everyLayer: layerVariable)
        return result
    }

    private func symbolNames(in expression: Expr) -> Set<String> {
        var names: Set<String> = []
        var pending = [expression]
        while let e = pending.popLast() {
            switch e.kind {
            case let .symbol(s): names.insert(s.name)
            case let .call(name, _), let .prime(name, _): names.insert(name)
            default: break
            }
            pending += e.kind.children
        }
        return names
    }

    /// Which param subscript is after the step, from every equation of the
    /// formula: `θ_{t-1}` says θ_t is after it (PyTorch, Kingma & Ba, d2l), and
    /// otherwise θ_{t+1} is (the articles). Writing both is contradictory.
    private func stepAfter(in equations: [Equation], context: FormulaContext) throws -> Int {
        let stateNames = Set(context.before.optimizer?.optimizer.stateNames ?? [])
        var steps: [Int: FormulaSymbol] = [:]
        var pending = equations.flatMap { [$0.left, $0.right] }
        while let e = pending.popLast() {
            if case let .symbol(s) = e.kind, let step = s.step, !stateNames.contains(s.name),
                !stateNames.contains(s.asciiName), context.bindings[.init(name: s.name, layer: nil, step: nil)] == nil
            {
                steps[step] = steps[step] ?? s
            }
            pending += e.kind.children
        }
        switch context.convention {
        case .pytorch?, .d2l?:
            if let later = steps[1] {
                throw RuntimeError(
                    "in \(context.convention!.rawValue) notation a step goes from t-1 to t: "
                        + "\(later.latex) is not one of its moments", at: context.location,
                    failure: .stepOutsideNotation)
            }
            return 0
        case .articles?:
            if let earlier = steps[-1] {
                throw RuntimeError(
                    "in articles notation a step goes from t to t+1: \(earlier.latex) is not one of "
                        + "its moments", at: context.location, failure: .stepOutsideNotation)
            }
            return 1
        case nil:
            break
        }
        if let earlier = steps[-1], let later = steps[1] {
            throw RuntimeError(
                "the formula writes both \(earlier.latex) and \(later.latex): one optimizer step goes "
                    + "from t-1 to t (PyTorch's convention) or from t to t+1 (the articles'), not both",
                at: context.location, failure: .bothStepConventions)
        }
        return steps[-1] != nil ? 0 : 1
    }

    /// An equation with a time step (`θ_{t+1}`, `m_t`) speaks of an optimizer's update.
    private func isStepped(_ equation: Equation) -> Bool {
        var pending = [equation.left, equation.right]
        while let e = pending.popLast() {
            if case let .symbol(s) = e.kind, s.step != nil { return true }
            pending += e.kind.children
        }
        return false
    }

    /// `θ = θ − …`: the same unstepped symbol on both sides is an update.
    private func isAssignment(_ equation: Equation) -> Bool {
        guard case let .symbol(left) = equation.left.kind, left.step == nil else { return false }
        var pending = [equation.right]
        while let e = pending.popLast() {
            if case let .symbol(s) = e.kind, s.name == left.name, s.step == nil, s.layer == left.layer { return true }
            pending += e.kind.children
        }
        return false
    }

    /// Layer variables used in superscripts and bound by nothing (`l`, not `L`).
    private func freeLayerVariables(in equation: Equation, context: FormulaContext) -> [String] {
        var names: [String] = []
        var pending = [equation.left, equation.right]
        while let e = pending.popLast() {
            if case let .symbol(s) = e.kind, let layer = s.layer, context.readsAsLayer(s) {
                var inner = [layer]
                while let i = inner.popLast() {
                    if case let .symbol(v) = i.kind, v.layer == nil, v.name != "L",
                        context.bindings[.init(name: v.name, layer: nil, step: nil)] == nil, !names.contains(v.name)
                    {
                        names.append(v.name)
                    }
                    inner += i.kind.children
                }
            }
            pending += e.kind.children
        }
        return names
    }

    /// The entry indices the equation's symbols are written with (`j`, `k` of
    /// `w^l_{jk}`, `j` of `\hat{y}_j` for a chapter value ŷ), in order of first
    /// appearance: the equation holds for every entry.
    private func freeComponents(in equation: Equation, _ probe: FormulaEvaluator) -> [String] {
        var names: [String] = []
        var summed: Set<String> = []
        var pending = [equation.right, equation.left]
        while let e = pending.popLast() {
            if case let .symbol(s) = e.kind {
                // `\hat{y}_j` of a chapter value ŷ (d2l's softmax): entry j, for every j.
                let indexed = probe.indexedChapterValue(s, indices: ["i", "j", "k"])
                for name in (indexed ?? s).components where !names.contains(name) { names.append(name) }
            }
            if case let .entry(_, indices) = e.kind {
                for name in indices where !names.contains(name) { names.append(name) }
            }
            // `\sum_j`: j is the sum's own, not free.
            if case let .call("sum", arguments) = e.kind,
                let index = arguments.first(where: { $0.label == SumLimits.index }),
                case let .symbol(s) = index.value.kind
            {
                summed.insert(s.name)
            }
            pending += e.kind.children.reversed()
        }
        return names.filter { !summed.contains($0) }
    }

    /// Whether the equation speaks of "the parameters" θ, or of optimizer state
    /// that belongs to one param: then it is checked for each param.
    private func mentionsParameterFamily(_ equation: Equation, context: FormulaContext) -> Bool {
        let stateNames = Set(context.before.optimizer?.optimizer.stateNames ?? [])
        let aliases = FormulaEvaluator.stateAliases(
            context.before.optimizer?.optimizer.name ?? "",
            symbolNames: context.symbolNames, convention: context.convention)
        func isState(_ name: String) -> Bool {
            stateNames.contains(name) || stateNames.contains(FormulaEvaluator.pyTorchStateNames[name] ?? name)
                || stateNames.contains(aliases[name] ?? name)
        }
        var pending = [equation.left, equation.right]
        while let e = pending.popLast() {
            if case let .symbol(s) = e.kind, s.layer == nil, context.before.binding(s.name) == nil {
                let bound =
                    context.bindings[.init(name: s.name, layer: nil, step: s.step)]
                    ?? context.bindings[.init(name: s.name, layer: nil, step: nil)]
                if let bound {
                    // Bound to the optimizer's state by name: that state belongs to one param.
                    if case let .name(name) = bound.kind, context.before.binding(name) == nil, isState(name) {
                        return true
                    }
                } else if s.name == "θ" || isState(s.name) || isState(s.asciiName) {
                    return true
                }
            }
            pending += e.kind.children
        }
        return false
    }

    /// The params the optimizer steps (or the loss depends on).
    private func steppedParameters(context: FormulaContext) -> [String] {
        if let names = context.before.optimizer?.parameterNames { return names }
        guard context.before.loss != nil else { return context.before.parameterOrder }
        return (try? context.prepared(.before).lossParameters) ?? []
    }

    /// Entry by entry within the tolerance. A NaN or infinite entry on either
    /// side never agrees, not even ∞ with ∞: nothing finite was compared there.
    private func compare(
        _ left: Tensor, _ right: Tensor, tolerance: Tolerance,
        into result: inout EquationResult
    ) {
        result.left = left
        result.right = right
        // Sides of different shapes fail with no entry compared.
        guard left.shape == right.shape || (left.count == 1 && right.count == 1) else {
            result.status = .failed
            return
        }
        var maxAbs = 0.0, maxRel = 0.0, worstRatio = -1.0
        var worst: EquationResult.WorstEntry?
        for k in 0..<left.count {
            let a = left.scalars[k], b = right.scalars[k]
            let finite = a.isFinite && b.isFinite
            let error = finite ? abs(a - b) : Double.infinity
            let allowed = tolerance.absolute + tolerance.relative * abs(b)
            maxAbs = max(maxAbs, error)
            // Relative to the larger side, floored as in gradient checks, so that
            // 1e-15 against an exact 0 does not read as a relative error of 1.
            maxRel = max(maxRel, error == 0 ? 0 : error / max(abs(a), abs(b), 1e-8))
            let ratio = finite ? error / allowed : Double.infinity
            if ratio > worstRatio {
                worstRatio = ratio
                worst = .init(row: k / max(left.cols, 1), column: k % max(left.cols, 1), left: a, right: b)
            }
        }
        result.maxAbsoluteError = maxAbs.isFinite ? maxAbs : nil
        result.maxRelativeError = maxRel.isFinite ? maxRel : nil
        result.worst = worst
        result.status = worstRatio <= 1 ? .passed : .failed
    }

    /// The check's status from its equations'; Render writes its sentence from them.
    private func summarize(_ results: [EquationResult], check: FormulaCheck, statement: Statement) -> CheckResult {
        let compared = results.filter(\.compared)
        let failed = results.contains { $0.status == .failed }
        let status: CheckStatus
        if results.contains(where: { $0.status == .error }) {
            status = .error
        } else if check.expectsFailure {
            status = failed ? .xfail : .xpass
        } else {
            status = failed ? .failed : .passed
        }
        var result = CheckResult(
            line: statement.location.line, kind: .formula, source: statement.source, status: status,
            maxAbsoluteError: compared.compactMap(\.maxAbsoluteError).max(),
            maxRelativeError: compared.compactMap(\.maxRelativeError).max(), message: "")
        result.equations = results
        result.tolerance = check.tolerance.map { Tolerance(absolute: $0, relative: $0) } ?? .formula
        return result
    }
}
