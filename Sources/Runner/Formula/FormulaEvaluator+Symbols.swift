import Autodiff
import Notation

/// Which value a formula's symbol names.
extension FormulaEvaluator {
    /// The symbol exists under no meaning at all: an equation with it on the
    /// left is a definition.
    struct UnboundSymbol: Error {
        var symbol: String
        var location: SourceLocation
    }

    /// The symbol names a layer the model does not have (W⁽ᴸ⁺¹⁾): the
    /// equation is skipped at this layer.
    struct MissingLayer: Error {
        var message: String
    }

    enum Resolution {
        case chapterName(String, Moment)
        case constant(Tensor)
        case definition(FormulaContext.Definition, layer: Int?)
        case bound(Expr)
        case loss(Moment)
    }

    /// Greek and textbook names of the optimizer's options.
    static let hyperparameterAliases: [String: [String]] = [
        "η": ["lr"], "eta": ["lr"], "α": ["alpha", "lr"], "alpha": ["alpha", "lr"], "lr": ["lr"],
        "γ": ["gamma", "lr"], "gamma": ["gamma", "lr"], "μ": ["momentum"], "mu": ["momentum"],
        "β_1": ["beta1"], "beta_1": ["beta1"], "beta1": ["beta1"],
        "β_2": ["beta2"], "beta_2": ["beta2"], "beta2": ["beta2"],
        "ε": ["eps"], "ϵ": ["eps"], "epsilon": ["eps"], "eps": ["eps"],
        "λ": ["weight_decay"], "lambda": ["weight_decay"],
        "ρ": ["alpha", "rho"], "rho": ["alpha", "rho"], "τ": ["dampening"], "tau": ["dampening"],
    ]

    func value(of symbol: FormulaSymbol, at location: SourceLocation) throws -> Variable {
        switch try resolve(symbol, at: location) {
        case let .chapterName(name, moment):
            return present(try evaluation(moment).variable(named: name, at: location), name: name)
        case let .constant(t):
            return Variable(present(t))
        case let .definition(definition, layer):
            return try evaluateDefinition(definition, layer: layer, at: location)
        case let .bound(expression):
            return present(try evaluation(.before).evaluate(expression))
        case let .loss(moment):
            return try loss(moment)
        }
    }

    /// Layer indices beyond this are refused before they reach integer arithmetic.
    static let largestLayerIndex = 1_000_000

    /// The layer a superscript names, with `L` the model's last layer.
    func layerIndex(_ expression: Expr) throws -> Int {
        switch expression.kind {
        case let .number(x):
            return try Self.wholeLayerIndex(x, "the layer index", at: expression.location)
        case let .symbol(s) where s.layer == nil:
            return try layerVariable(s.name, at: expression.location)
        case let .name(n):
            return try layerVariable(n, at: expression.location)
        case let .binary(.add, a, b, _):
            return try layerIndex(a) + layerIndex(b)
        case let .binary(.subtract, a, b, _):
            return try layerIndex(a) - layerIndex(b)
        default:
            throw RuntimeError(
                "a layer index is a number, l, L, or a sum of them", at: expression.location,
                failure: .layerIndexUnreadable)
        }
    }

    private func layerVariable(_ name: String, at location: SourceLocation) throws -> Int {
        if let value = layerValues[name] { return value }
        if let bound = context.binding(.init(name: name, layer: nil, step: nil)) {
            let x = try evaluation(.before).number(bound, "the layer index \(name)")
            return try Self.wholeLayerIndex(x, "the layer index \(name)", at: bound.location)
        }
        if name == "L", let model = model() { return model.network.layers.count }
        throw RuntimeError(
            "the layer index '\(name)' is not bound (where \(name) = …)", at: location, failure: .layerIndexUnbound)
    }

    /// A layer index as an Int: a whole number of sensible size, never NaN, ∞ or 1.5.
    static func wholeLayerIndex(_ x: Double, _ what: String, at location: SourceLocation) throws -> Int {
        guard x.isFinite, x == x.rounded(), abs(x) <= Double(largestLayerIndex) else {
            throw RuntimeError(
                "\(what) must be a whole number of at most \(largestLayerIndex), got \(NumberText.format(x))",
                at: location, failure: .indexNotWhole)
        }
        return Int(x)
    }

    /// The model layer superscripts refer to: the last one defined.
    func model() -> Environment.Model? {
        context.before.lastModelName.flatMap { context.before.models[$0] }
    }

    /// What the symbol names, by the first of `symbolRules` that gives it a meaning;
    /// `UnboundSymbol` when none does (an equation with it on the left defines it).
    func resolve(_ symbol: FormulaSymbol, at location: SourceLocation) throws -> Resolution {
        guard let meaning = try meaning(of: symbol, at: location) else {
            throw UnboundSymbol(symbol: symbol.latex, location: location)
        }
        return meaning
    }

    /// What the symbol names, or nil when no rule gives it a meaning.
    func meaning(of symbol: FormulaSymbol, at location: SourceLocation) throws -> Resolution? {
        if symbol.layer != nil, !context.readsAsLayer(symbol) {
            throw RuntimeError(
                "\(symbol.latex) is a power here, not a named value: a bare superscript names a layer "
                    + "only on a model's w, b, a, z or δ", at: location, failure: .powerNotANamedValue)
        }
        let query = SymbolQuery(
            symbol: symbol, names: candidateNames(symbol), layer: try symbol.layer.map(layerIndex),
            location: location)
        for rule in Self.symbolRules {
            if let meaning = try rule.meaning(self, query) { return meaning }
        }
        return nil
    }

    /// A `where` value. A plain chapter name stays a name, so that it can be
    /// differentiated and stepped like one (`where w = W`); an optimizer's option
    /// or state is named as PyTorch's documentation names it (`where \gamma = lr`,
    /// `where b = momentum_buffer`), its state taken at the symbol's step.
    func boundValue(_ expression: Expr, step: Int?, at location: SourceLocation) throws -> Resolution {
        guard case let .name(name) = expression.kind else { return .bound(expression) }
        if context.before.binding(name) != nil {
            return .chapterName(name, try moment(forChapterName: name, step: step))
        }
        if let optimizer = context.before.optimizer?.optimizer {
            if let option = optimizer.hyperparameters.first(where: { $0.name == name }) {
                return .constant(Tensor(option.value))
            }
            if let state = try optimizerState([name], step: step, at: location) { return .constant(state) }
        }
        return .bound(expression)
    }

    /// PyTorch's names for optimizer state, as its optimizers keep it, and tutor's.
    static let pyTorchStateNames: [String: String] = [
        "exp_avg": "m", "exp_avg_sq": "v", "max_exp_avg_sq": "v_max", "state_sum": "sum",
    ]

    /// The names a symbol may go by: as written, in ASCII, and without a
    /// subscript's underscore (`β_1` is `beta1` too).
    func candidateNames(_ symbol: FormulaSymbol) -> [String] {
        var names = [symbol.name, symbol.asciiName]
        for name in names where name.contains("_") { names.append(name.replacingOccurrences(of: "_", with: "")) }
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    func moment(forChapterName name: String, step: Int?) throws -> Moment {
        if let step { return try moment(ofStep: step) }
        if step == nil, paramsAfterStep, context.before.parameters[name] != nil { return .after }
        return .before
    }

    /// The moment a param's time step names: the step after the optimizer's,
    /// or the one before it. A formula spans one step.
    func moment(ofStep step: Int) throws -> Moment {
        let after = stepAfter
        if step == after { return .after }
        if step == after - 1 { return .before }
        throw RuntimeError(
            "a formula is checked across one optimizer step: its time subscripts are t\(Self.offset(after - 1)) "
                + "(before) and t\(Self.offset(after)) (after), not t\(Self.offset(step))", at: context.location,
            failure: .timeOutsideOneStep)
    }

    private static func offset(_ k: Int) -> String { k == 0 ? "" : k > 0 ? "+\(k)" : "\(k)" }

    /// `W^{(l)}`, `b^{(l)}`, `z^{(l)}`, `a^{(l)}` of the model, or `W3` without one.
    func layered(_ symbol: FormulaSymbol, names: [String], layer: Int, at location: SourceLocation) throws -> Resolution
    {
        if let model = model() {
            let count = model.network.layers.count
            let base = symbol.name
            let name: String
            switch base {
            case "W", "w": name = model.weightName(layer)
            case "b": name = model.biasName(layer)
            case "z": name = model.preActivationName(layer)
            case "a": name = model.activationName(layer)
            default:
                throw UnboundSymbol(symbol: symbol.latex, location: location)
            }
            let lowest = base == "a" ? 0 : 1
            guard layer >= lowest, layer <= count else {
                throw MissingLayer(message: "\(symbol.latex) would be layer \(layer); the model has layers 1…\(count)")
            }
            return .chapterName(name, try moment(forChapterName: name, step: symbol.step))
        }
        for name in names.map({ "\($0)\(layer)" }) where context.before.binding(name) != nil {
            return .chapterName(name, try moment(forChapterName: name, step: symbol.step))
        }
        throw UnboundSymbol(symbol: symbol.latex, location: location)
    }

    /// The optimizer's state for the focus param: `m_t` after the step,
    /// `m_{t-1}` before it (zeros before the first step).
    func optimizerState(_ names: [String], step: Int?, at location: SourceLocation) throws -> Tensor? {
        let before = context.before.optimizer!.optimizer
        let aliases = Self.stateAliases(before.name, symbolNames: context.symbolNames, convention: context.convention)
        let spelled = names.flatMap { [aliases[$0] ?? $0, Self.pyTorchStateNames[$0] ?? $0] }
        guard let stateName = spelled.first(where: { before.stateNames.contains($0) }) else { return nil }
        // With one param, state is that param's, whatever the formula calls it (d2l's x).
        let onlyParameter = context.before.parameterOrder.count == 1 ? context.before.parameterOrder.first : nil
        guard let focus = focus ?? onlyParameter else {
            throw RuntimeError(
                "the optimizer's \(stateName) belongs to one param: write the formula over θ", at: location,
                failure: .stateWithoutParam)
        }
        // State is indexed by the step that made it, in every source's convention.
        let moment: Moment = step == -1 ? .before : .after
        let environment = try self.environment(moment)
        let optimizer = environment.optimizer!
        let shape = context.before.parameters[focus]!.shape
        let stepped = try optimizer.parameterNames ?? self.environment(.after).optimizer!.parameterNames
        guard let index = stepped?.firstIndex(of: focus) else {
            throw RuntimeError("the optimizer does not step '\(focus)'", at: location, failure: .parameterNotStepped)
        }
        return optimizer.optimizer.state(stateName, parameter: index) ?? Tensor.zeros(shape)
    }
}
