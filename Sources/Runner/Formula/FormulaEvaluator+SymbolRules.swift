import Autodiff
import Notation

/// Which value a formula's symbol names: an ordered table of rules, each giving
/// the symbol a meaning or passing it on. The first that gives one wins; a symbol
/// no rule gives one is unbound (`FormulaEvaluator.meaning(of:at:)` is nil).
extension FormulaEvaluator {
    /// A symbol being resolved: as written, the names it may go by, its layer index.
    struct SymbolQuery {
        var symbol: FormulaSymbol
        var names: [String]
        var layer: Int?
        var location: SourceLocation
    }

    struct SymbolRule {
        /// What the rule is, for the reader of this table.
        let name: String
        let meaning: (FormulaEvaluator, SymbolQuery) throws -> Resolution?
    }

    static let symbolRules: [SymbolRule] = [
        SymbolRule(
            name: "a where clause",
            meaning: { e, q in
                for name in q.names {
                    if let bound = e.context.binding(.init(name: name, layer: q.layer, step: q.symbol.step)) {
                        return try e.boundValue(bound, step: q.symbol.step, at: q.location)
                    }
                }
                return nil
            }),
        SymbolRule(
            name: "a definition made by an earlier equation",
            meaning: { e, q in
                for name in q.names {
                    if let definition = e.context.definitions[.init(name: name, layer: q.layer, step: q.symbol.step)] {
                        return .definition(definition, layer: q.layer)
                    }
                    if q.layer != nil,
                        let family = e.context.definitions[.init(name: name, layer: nil, step: q.symbol.step)],
                        family.layerVariable != nil
                    {
                        return .definition(family, layer: q.layer)
                    }
                }
                return nil
            }),
        // A symbol with a layer is the model's, or nothing: no later rule applies to it.
        SymbolRule(
            name: "a layer of the model (W^{(l)}, a^{(l)}, W3 without a model)",
            meaning: { e, q in
                guard let layer = q.layer else { return nil }
                return try e.layered(q.symbol, names: q.names, layer: layer, at: q.location)
            }),
        SymbolRule(
            name: "the after and before of an update (w_new, w_old)",
            meaning: { e, q in
                for name in q.names {
                    for (suffix, step) in [("_new", 1), ("_old", 0)] where name.hasSuffix(suffix) {
                        let base = String(name.dropLast(suffix.count))
                        if let bound = e.context.binding(.init(name: base, layer: nil, step: nil)) {
                            return try e.boundValue(bound, step: step, at: q.location)
                        }
                        if e.context.before.binding(base) != nil {
                            return .chapterName(base, step == 1 ? .after : .before)
                        }
                    }
                }
                return nil
            }),
        SymbolRule(
            name: "a chapter value",
            meaning: { e, q in
                for name in q.names where e.context.before.binding(name) != nil {
                    return .chapterName(name, try e.moment(forChapterName: name, step: q.symbol.step))
                }
                return nil
            }),
        SymbolRule(
            name: "θ, every param (the check runs once per param)",
            meaning: { e, q in
                guard q.names.contains(where: { $0 == "θ" || $0 == "theta" }) else { return nil }
                guard let param = e.focus ?? e.context.before.parameterOrder.first else { return nil }
                return .chapterName(param, try e.moment(forChapterName: param, step: q.symbol.step))
            }),
        SymbolRule(
            name: "an option of the optimizer (η, γ, β_1, λ, …)",
            meaning: { e, q in
                try e.optimizerOption(q)
            }),
        SymbolRule(
            name: "the optimizer's step t",
            meaning: { e, q in
                guard e.context.before.optimizer != nil, q.names.contains("t") else { return nil }
                return .constant(Tensor(Double(try e.environment(.after).optimizer!.optimizer.stepCount)))
            }),
        SymbolRule(
            name: "the optimizer's state (m_t, v_{t-1}, …) for the focus param",
            meaning: { e, q in
                guard e.context.before.optimizer != nil,
                    let state = try e.optimizerState(q.names, step: q.symbol.step, at: q.location)
                else { return nil }
                return .constant(state)
            }),
        SymbolRule(
            name: "the loss (\(FunctionLetters.loss.joined(separator: ", ")))",
            meaning: { e, q in
                guard q.names.contains(where: FunctionLetters.loss.contains), e.context.before.loss != nil else {
                    return nil
                }
                return .loss(q.symbol.step == 1 ? .after : .before)
            }),
    ]

    /// An option of the optimizer by one of its letters; the letters whose meaning
    /// depends on the notation are settled by it, or are an error that says how.
    private func optimizerOption(_ q: SymbolQuery) throws -> Resolution? {
        guard let optimizer = context.before.optimizer?.optimizer else { return nil }
        let specific = Self.optionAliases(
            optimizer.name, symbolNames: context.symbolNames, convention: context.convention)
        for name in q.names {
            guard let options = specific[name] ?? Self.hyperparameterAliases[name] else { continue }
            // γ is the momentum in the articles and the learning rate in PyTorch's
            // documentation: where SGD has both, the notation says which. A formula
            // that writes the momentum as μ (PyTorch's boxes) leaves γ the learning rate.
            if name == "γ" || name == "gamma", optimizer.name == "sgd",
                let momentum = optimizer.hyperparameters.first(where: { $0.name == "momentum" })
            {
                switch context.convention {
                case .articles?:
                    return .constant(Tensor(momentum.value))
                case nil where !context.symbolNames.contains("μ"):
                    throw RuntimeError(
                        "\(q.symbol.latex) is the learning rate in PyTorch's documentation and the "
                            + "momentum in the articles: say which (check formula where \\gamma = lr), or "
                            + FormulaNotation.declarationHint, at: q.location,
                        failure: .ambiguousNotation)
                default:
                    break
                }
            }
            // The first option in order of preference: α is RMSprop's alpha where it has one.
            for option in options {
                if let value = optimizer.hyperparameters.first(where: { $0.name == option }) {
                    return .constant(Tensor(value.value))
                }
            }
        }
        return nil
    }
}
