import Autodiff
import Notation

/// Entries of a layer's value, as Nielsen writes them: `\delta^l_j`, `w^l_{jk}`,
/// `a^{l-1}_k`. An equation with free indices is checked for every entry: each
/// side is evaluated once per entry and the entries are compared together.
extension FormulaEvaluator {
    /// Entries an equation is checked at, at most: each entry evaluates the equation again.
    static let largestComponentCount = 10_000

    /// `\delta^l_j`: one entry of the symbol's value at the indices being checked.
    func component(_ symbol: FormulaSymbol, at location: SourceLocation) throws -> Variable {
        let indices = try symbol.components.map { name -> Int in
            guard let value = componentValues[name] else {
                throw RuntimeError(
                    "the index \(name) of \(symbol.latex) is not one the equation is checked over",
                    at: location, failure: .indexNotChecked)
            }
            return value
        }
        let whole = symbol.withoutComponents
        // A definition written per entry (δ^l_j ≡ ∂C/∂z^l_j) is evaluated at the entry itself.
        if case let .definition(definition, layer) = try resolve(whole, at: location),
            definition.components.count == indices.count
        {
            return try evaluateDefinition(definition, layer: layer, components: indices, at: location)
        }
        return try entry(of: try evaluate(Expr(.symbol(whole), at: location)), indices, symbol: symbol, at: location)
    }

    /// `y_j` where `y` is a chapter value and j an index the equation runs over
    /// (`\sum_j (y_j-a^L_j)^2`): entry j of y. A name of its own (`let y_j = …`)
    /// comes first.
    func indexedChapterValue(_ symbol: FormulaSymbol, indices: [String]) -> FormulaSymbol? {
        guard symbol.layer == nil, symbol.step == nil, symbol.components.isEmpty,
            let underscore = symbol.name.lastIndex(of: "_")
        else { return nil }
        let base = String(symbol.name[..<underscore])
        let suffix = symbol.name[symbol.name.index(after: underscore)...].map(String.init)
        guard !suffix.isEmpty, suffix.count <= 2, suffix.allSatisfy(indices.contains),
            context.before.binding(symbol.name) == nil,
            context.before.binding(base) != nil || context.bindings[.init(name: base, layer: nil, step: nil)] != nil,
            context.bindings[.init(name: symbol.name, layer: nil, step: nil)] == nil
        else { return nil }
        var indexed = symbol
        indexed.name = base
        indexed.components = suffix
        return indexed
    }

    /// `y(x)`, `a^L(x)` (Nielsen's): a value with one row per example, applied to
    /// the data the model was called on, is its value at those examples, itself.
    /// Nil for any other juxtaposition written with parentheses (`x(1-x)`), which
    /// stays a product.
    func valueAtExamples(_ function: Expr, _ argument: Expr) throws -> Variable? {
        guard case let .symbol(f) = function.kind, f.components.isEmpty,
            case let .symbol(x) = argument.kind, x.layer == nil, x.components.isEmpty, x.step == nil,
            let model = model(), let input = context.before.recordedLayerValues[model.activationName(0)],
            case let .chapterName(name, _)? = try? resolve(x, at: argument.location)
        else { return nil }
        let data: Tensor
        switch context.before.binding(name) {
        case let .data(v)?, let .constant(v, _)?: data = v
        default: return nil
        }
        guard data.shape == input.shape, data.scalars == input.scalars else { return nil }
        // A param is no value per example: `W(x)` stays the product it would be.
        if case let .chapterName(applied, _)? = try? resolve(f, at: function.location),
            context.before.parameters[applied] != nil
        {
            return nil
        }
        let value = try evaluate(function)
        // One row per example of x (in `for example i`, the example's own column).
        guard context.isExample || value.shape.rows == input.rows else { return nil }
        return value
    }

    /// `\sum_j t_j`: the sum of the term over every entry j, where j indexes
    /// entries of the term; nil when the sum's index is no such index.
    func sumOverEntries(_ arguments: [Argument], at location: SourceLocation) throws -> Variable? {
        guard let term = arguments.first(where: { $0.label == nil })?.value,
            let indexExpr = arguments.first(where: { $0.label == SumLimits.index })?.value,
            !arguments.contains(where: { $0.label == SumLimits.lower }),
            case let .symbol(index) = indexExpr.kind, index.layer == nil, index.step == nil,
            componentValues[index.name] == nil, Self.indexes(index.name, in: term, evaluator: self)
        else { return nil }
        let size: Int
        do {
            size = try componentRanges([index.name], in: [term])[0]
        } catch is RuntimeError {
            // Not entries of vectors (`\sum_i x_i` over a matrix): the sum of every entry, as `\sum_i` reads.
            return nil
        }
        let saved = componentValues
        defer { componentValues = saved }
        var total: Variable?
        for entry in 0..<size {
            componentValues[index.name] = entry
            let value = try evaluate(term)
            total = try total.map { try $0 + value } ?? value
        }
        return total ?? Variable(Tensor(0))
    }

    /// Whether `name` indexes an entry of some symbol of `expression`.
    static func indexes(_ name: String, in expression: Expr, evaluator: FormulaEvaluator) -> Bool {
        var pending = [expression]
        while let e = pending.popLast() {
            if case let .symbol(s) = e.kind,
                s.components.contains(name) || evaluator.indexedChapterValue(s, indices: [name]) != nil
            {
                return true
            }
            if case let .entry(_, indices) = e.kind, indices.contains(name) { return true }
            pending += e.kind.children
        }
        return false
    }

    /// The entry of a vector (one index) or a matrix (two: row j, column k).
    func entry(of v: Variable, _ indices: [Int], symbol: FormulaSymbol, at location: SourceLocation) throws -> Variable
    {
        try entry(of: v, indices, written: symbol.latex, whole: "\(symbol.withoutComponents)", at: location)
    }

    /// `\mathrm{softmax}(\mathbf{o})_j`: entry j of the operand's value, at the index being checked.
    func entry(of operand: Expr, _ names: [String], at location: SourceLocation) throws -> Variable {
        let written = "\(Expr(.entry(operand, indices: names), at: location))"
        let indices = try names.map { name -> Int in
            guard let value = componentValues[name] else {
                throw RuntimeError(
                    "the index \(name) of \(written) is not one the equation is checked over", at: location,
                    failure: .indexNotChecked)
            }
            return value
        }
        return try entry(of: try evaluate(operand), indices, written: written, whole: "\(operand)", at: location)
    }

    private func entry(
        of v: Variable, _ indices: [Int], written: String, whole: String,
        at location: SourceLocation
    ) throws -> Variable {
        let dimensions = try sizes(of: v.shape, count: indices.count, written: written, whole: whole, at: location)
        for (index, size) in zip(indices, dimensions) where index >= size {
            throw ShapeMismatch(message: "\(written): entry \(index + 1) of \(size)")
        }
        if v.shape.isScalar { return v }
        if indices.count == 2 { return try v.rows([indices[0]]).transposed.rows([indices[1]]) }
        return v.shape.cols == 1 ? try v.rows([indices[0]]) : try v.transposed.rows([indices[0]])
    }

    /// How many entries each of `count` indices runs over in a value of `shape`,
    /// for an entry `written` of the value `whole`.
    private func sizes(
        of shape: Shape, count: Int, written: String, whole: String,
        at location: SourceLocation
    ) throws -> [Int] {
        switch count {
        case 1:
            guard shape.rows == 1 || shape.cols == 1 else {
                throw RuntimeError(
                    "\(written) indexes one entry of a vector, but \(whole) has "
                        + "shape \(shape): for one example written as a column, check formula for example i",
                    at: location, failure: .oneIndexOnAMatrix)
            }
            return [max(shape.rows, shape.cols)]
        case 2:
            return [shape.rows, shape.cols]
        default:
            throw RuntimeError(
                "\(written): an entry has at most two indices (w^l_{jk})", at: location, failure: .tooManyEntryIndices)
        }
    }

    /// How many entries each of `names` runs over, from the values the indices
    /// pick entries of in `expressions`; an index that runs over two different
    /// sizes fits no entry-by-entry reading.
    func componentRanges(_ names: [String], in expressions: [Expr]) throws -> [Int] {
        var found: [String: (size: Int, symbol: String)] = [:]
        var pending = expressions
        while let e = pending.popLast() {
            pending += e.kind.children
            let components: [String], value: Expr, written: String
            switch e.kind {
            case var .symbol(s):
                if let indexed = indexedChapterValue(s, indices: names) { s = indexed }
                (components, value, written) = (
                    s.components, Expr(.symbol(s.withoutComponents), at: e.location), s.latex
                )
            case let .entry(operand, indices):
                (components, value, written) = (indices, operand, "\(e)")
            default:
                continue
            }
            guard components.contains(where: names.contains) else { continue }
            let whole = try evaluate(value)
            let dimensions = try sizes(
                of: whole.shape, count: components.count, written: written, whole: "\(value)",
                at: e.location)
            for (name, size) in zip(components, dimensions) where names.contains(name) {
                if let known = found[name], known.size != size {
                    throw ShapeMismatch(
                        message: "the index \(name) runs over \(known.size) entries in \(known.symbol) "
                            + "and \(size) in \(written)")
                }
                found[name] = (size, written)
            }
        }
        return try names.map { name in
            guard let size = found[name]?.size else {
                throw RuntimeError(
                    "the index \(name) picks an entry of nothing", at: context.location, failure: .indexOfNothing)
            }
            return size
        }
    }

    /// `value` evaluated at every entry of `names` (one index: a column; two: a
    /// matrix), built from the entries as a sum of one-hot terms so that
    /// derivatives still flow through it.
    func assembled(
        _ names: [String], over expressions: [Expr], at location: SourceLocation,
        _ value: () throws -> Variable
    ) throws -> Variable {
        let sizes = try componentRanges(names, in: expressions)
        guard sizes.reduce(1, { $0 * $1 }) <= Self.largestComponentCount else {
            throw RuntimeError(
                "the equation has \(sizes.map(String.init).joined(separator: " × ")) entries, more than "
                    + "the \(Self.largestComponentCount) an entry-by-entry check takes", at: location,
                failure: .tooManyEntries)
        }
        let saved = componentValues
        defer { componentValues = saved }
        let rows = sizes[0], cols = sizes.count > 1 ? sizes[1] : 1
        var total: Variable?
        for row in 0..<rows {
            for col in 0..<cols {
                componentValues[names[0]] = row
                if names.count > 1 { componentValues[names[1]] = col }
                let entry = try value()
                guard entry.value.count == 1 else {
                    throw ShapeMismatch(
                        message: "at entry \(names[0]) = \(row + 1): a value of shape \(entry.shape), "
                            + "not one number")
                }
                var unit = [Double](repeating: 0, count: rows * cols)
                unit[row * cols + col] = 1
                let term = try entry * Variable(Tensor(shape: .matrix(rows, cols), scalars: unit))
                total = try total.map { try $0 + term } ?? term
            }
        }
        return total ?? Variable(Tensor.zeros(.matrix(rows, cols)))
    }
}
