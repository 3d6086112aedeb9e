import Autodiff
import Notation

/// What a formula's symbols can mean while it is checked: the `where`
/// bindings, the definitions made by earlier equations, the example it is
/// evaluated for, and the chapter's state before and after one optimizer step.
///
/// It works on copies of the chapter's environment: a check never changes the
/// chapter's state.
final class FormulaContext {
    /// The chapter's state as it is (the "before" of an update formula).
    let before: Environment
    /// Data rows replaced by one example's row (`for example i`), or none.
    let exampleOverrides: [String: Tensor]
    var isExample: Bool { example != nil }
    let example: Int?
    /// `where` clauses: a symbol (by name, layer and step) and its value.
    var bindings: [SymbolKey: Expr] = [:]
    /// The `where` clauses some symbol was resolved through: any other is an error.
    private(set) var usedBindings: Set<SymbolKey> = []
    /// The param time subscript that means after the step (see `FormulaEvaluator.stepAfter`).
    var stepAfter = 1
    /// Every symbol name the formula writes: which letters appear together says
    /// whose notation it is (with μ for the momentum, PyTorch's γ is the learning rate).
    var symbolNames: Set<String> = []
    /// The notation declared for this check (by its `in … notation` or the chapter's
    /// `notation` statement), or nil where it is inferred from the letters.
    var convention: FormulaConvention?
    /// `notation explicit definitions`: an `=` whose left side names nothing is an error.
    var explicitDefinitions = false
    /// Some equation's evaluation stopped at an error, so an unused binding proves nothing.
    var evaluationsStopped = false
    /// Symbols defined by earlier equations of the same chapter.
    var definitions: [SymbolKey: Definition] = [:]
    /// The location messages point at.
    let location: SourceLocation
    private var afterStep: Environment?

    /// A symbol as the formula names it: its name, its layer (when concrete) and step.
    struct SymbolKey: Hashable, Codable {
        var name: String
        var layer: Int?
        var step: Int?
    }

    /// `δ^{(l)} = …` read as a definition: the right side, and the layer
    /// variable it is written over (a family), if any.
    struct Definition: Codable {
        var right: Expr
        var layerVariable: String?
        var source: String
        /// The entry indices of a definition written per entry (`j` of
        /// `\delta^l_j \equiv \frac{\partial C}{\partial z^l_j}`): used whole, every
        /// entry is evaluated.
        var components: [String] = []
        /// The time convention of the formula that made it (`FormulaEvaluator.stepAfter`),
        /// which its right side keeps wherever it is used.
        var stepAfter = 1
        /// The letters of the formula that made it, which say whose notation its right
        /// side is in (d2l's v is Adam's first moment beside an s), wherever it is used.
        var symbolNames: Set<String> = []
        /// The notation declared for this check (by its `in … notation` or the chapter's
        /// `notation` statement), or nil where it is inferred from the letters.
        var convention: FormulaConvention?
        /// `notation explicit definitions`: an `=` whose left side names nothing is an error.
        var explicitDefinitions = false
    }

    /// The `where` value of a symbol, noting that the clause was used. A clause
    /// without a step (`where v = m`) binds every step of its symbol (`v_t`,
    /// `v_{t-1}`); the step then says which moment the value is taken at.
    func binding(_ key: SymbolKey) -> Expr? {
        for candidate in [key, SymbolKey(name: key.name, layer: key.layer, step: nil)] {
            if let value = bindings[candidate] {
                usedBindings.insert(candidate)
                return value
            }
        }
        return nil
    }

    /// Whether a symbol's superscript names a layer: always when bracketed
    /// (`W^{(l)}`); when bare (`w^l`, Nielsen's), only where a model is defined and
    /// the letter names no chapter value, so that `a^2` of a chapter's `a` stays a power.
    func readsAsLayer(_ symbol: FormulaSymbol) -> Bool {
        guard symbol.layer != nil, exampleIndex(of: symbol) == nil else { return false }
        guard symbol.layerBrackets == .bare else { return true }
        return before.lastModelName != nil && before.binding(symbol.name) == nil
            && bindings[SymbolKey(name: symbol.name, layer: nil, step: symbol.step)] == nil
            && bindings[SymbolKey(name: symbol.name, layer: nil, step: nil)] == nil
    }

    /// `x^{(i)}`, `y^{(i)}` (d2l's, and most textbooks'): the index of an example, not
    /// a layer, where the letter names a chapter value and the superscript is a letter
    /// other than l or L. The index's name, or nil.
    func exampleIndex(of symbol: FormulaSymbol) -> String? {
        guard symbol.layerBrackets == .parentheses, let layer = symbol.layer, case let .symbol(index) = layer.kind,
            index.layer == nil, index.step == nil, index.components.isEmpty, index.name.unicodeScalars.count == 1,
            index.name != "l", index.name != "L"
        else { return nil }
        let named =
            before.binding(symbol.name) != nil
            || bindings[SymbolKey(name: symbol.name, layer: nil, step: symbol.step)] != nil
            || bindings[SymbolKey(name: symbol.name, layer: nil, step: nil)] != nil
        return named ? index.name : nil
    }

    /// Notes a clause as used without resolving through it (a definition's right
    /// side, evaluated only by later formulas).
    func noteUse(_ key: SymbolKey) {
        if bindings[key] != nil { usedBindings.insert(key) }
    }

    init(environment: Environment, example: Int?, location: SourceLocation) throws {
        self.before = environment.copy()
        self.example = example
        self.location = location
        self.exampleOverrides =
            try example.map { try FormulaContext.rows(of: environment, example: $0, at: location) } ?? [:]
    }

    /// The chapter's state after one step of its optimizer, taken on a copy
    /// the first time an update formula asks for it.
    func after() throws -> Environment {
        if let afterStep { return afterStep }
        let copy = before.copy()
        // With `for example i`, the step is the one that example's loss takes.
        _ = try copy.takeOptimizerStep(overrides: exampleOverrides.mapValues { Variable($0) }, at: location)
        afterStep = copy
        return copy
    }

    /// The evaluation of a moment without overrides, its loss computed first.
    /// It does not depend on the layer or the param an evaluator is for, so
    /// every evaluator of this check shares it instead of repeating the forward pass.
    struct Prepared {
        let evaluation: Evaluation
        /// The loss, or why computing it failed; nil when the chapter has no loss.
        let loss: Result<Variable, any Error>?
        /// The params the loss depends on, in declaration order.
        let lossParameters: [String]
    }
    private var prepared: [FormulaEvaluator.Moment: Prepared] = [:]

    func prepared(_ moment: FormulaEvaluator.Moment) throws -> Prepared {
        if let existing = prepared[moment] { return existing }
        let environment = moment == .before ? before : try after()
        let evaluation = self.evaluation(in: environment)
        let loss = environment.loss.map { loss in Result { try evaluation.evaluate(loss.expression) } }
        let entry = Prepared(evaluation: evaluation, loss: loss, lossParameters: evaluation.parameterLeaves.map(\.name))
        prepared[moment] = entry
        return entry
    }

    /// A fresh evaluation in `environment` with the example's rows in place.
    func evaluation(in environment: Environment, overrides: [String: Variable] = [:]) -> Evaluation {
        var all = exampleOverrides.mapValues { Variable($0) }
        for (name, value) in overrides { all[name] = value }
        return Evaluation(environment, overrides: all, tracesConstants: true)
    }

    /// For `for example i`: every data set, and every constant with as many
    /// rows as the model's input (or, without a model, as most data have),
    /// replaced by its row i.
    private static func rows(of environment: Environment, example: Int, at location: SourceLocation) throws -> [String:
        Tensor]
    {
        // The model's input decides how many rows an example is taken from;
        // without a model, the most common row count among the data.
        let lastModel = environment.lastModelName.flatMap { environment.models[$0] }
        let inputRows =
            lastModel.flatMap { environment.recordedLayerValues[$0.activationName(0)] }?.rows
            ?? mostCommonRowCount(environment)
        var rows: [String: Tensor] = [:]
        for name in environment.knownNames {
            let value: Tensor
            switch environment.binding(name) {
            case let .data(v)?: value = v
            case let .constant(v, _)? where inputRows != nil && v.rows == inputRows && !v.shape.isScalar: value = v
            default: continue
            }
            guard example >= 0, example < value.rows else {
                throw RuntimeError(
                    "example \(example) is outside the \(value.rows) rows of '\(name)'", at: location,
                    failure: .exampleOutsideRows)
            }
            rows[name] = value.rows([example])
        }
        guard !rows.isEmpty else {
            throw RuntimeError(
                "for example needs data (one example per row) to pick the example from", at: location,
                failure: .exampleWithoutData)
        }
        return rows
    }

    private static func mostCommonRowCount(_ environment: Environment) -> Int? {
        var counts: [Int: Int] = [:]
        for name in environment.knownNames {
            switch environment.binding(name) {
            case let .data(v)?, let .constant(v, _)?: if v.rows > 1 { counts[v.rows, default: 0] += 1 }
            default: continue
            }
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}
