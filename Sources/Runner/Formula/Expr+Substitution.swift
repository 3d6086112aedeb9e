import Notation

extension Expr {
    /// The expression with every occurrence of `symbol` (same name, step, layer
    /// and entries) replaced by `value`: an algorithm box's `g_t \leftarrow g_t +
    /// \lambda \theta_{t-1}` reads its right side's `g_t` as what the rows above
    /// assigned to it. A derivative's variable and a layer index are left alone.
    func substituting(_ symbol: FormulaSymbol, with value: Expr) -> Expr {
        func rebuilt(_ kind: Kind) -> Expr { Expr(kind, at: location, spelling: spelling) }
        switch kind {
        case .number, .string, .name:
            return self
        case let .symbol(other):
            return other.isSame(as: symbol) ? value : self
        case let .matrix(rows):
            return rebuilt(.matrix(rows.map { $0.map { $0.substituting(symbol, with: value) } }))
        case let .call(name, arguments):
            return rebuilt(
                .call(
                    name: name,
                    arguments: arguments.map {
                        Argument(label: $0.label, $0.value.substituting(symbol, with: value), at: $0.location)
                    }))
        case let .negate(operand):
            return rebuilt(.negate(operand.substituting(symbol, with: value)))
        case let .transpose(operand):
            return rebuilt(.transpose(operand.substituting(symbol, with: value)))
        case let .binary(op, left, right, operatorLocation):
            return rebuilt(
                .binary(
                    op, left.substituting(symbol, with: value), right.substituting(symbol, with: value),
                    operatorLocation: operatorLocation))
        case let .row(matrix, index):
            return rebuilt(.row(matrix.substituting(symbol, with: value), index: index))
        case let .derivative(of, withRespectTo):
            return rebuilt(.derivative(of: of.substituting(symbol, with: value), withRespectTo: withRespectTo))
        case let .prime(function, argument):
            return rebuilt(.prime(function: function, argument: argument.substituting(symbol, with: value)))
        case let .entry(operand, indices):
            return rebuilt(.entry(operand.substituting(symbol, with: value), indices: indices))
        }
    }
}

extension Expr {
    /// Whether `symbol` occurs in the expression (outside layer indices).
    func mentions(_ symbol: FormulaSymbol) -> Bool {
        var pending = [self]
        while let e = pending.popLast() {
            if case let .symbol(s) = e.kind {
                if s.isSame(as: symbol) { return true }
                continue
            }
            pending += e.kind.children
        }
        return false
    }
}

extension FormulaSymbol {
    /// The same name, step, layer and entries, however each was typeset.
    func isSame(as other: FormulaSymbol) -> Bool {
        guard name == other.name, step == other.step, components == other.components else { return false }
        switch (layer, other.layer) {
        case (nil, nil): return true
        case let (a?, b?): return a.hasSameStructure(as: b)
        default: return false
        }
    }
}
