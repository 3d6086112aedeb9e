import Autodiff
import Notation

/// `x^{(i)}`, `y^{(i)}`: one example of the data, one row of the chapter's value,
/// as the column a textbook writes it. Inside `\sum_{i=1}^{n}` the term is evaluated
/// for each example and added; elsewhere i is bound by `where i = 3` (from 1).
extension FormulaEvaluator {
    func exampleValue(_ symbol: FormulaSymbol, index: String, at location: SourceLocation) throws -> Variable {
        let row: Int
        if let current = exampleRows[index] {
            row = current
        } else if let bound = context.binding(.init(name: index, layer: nil, step: nil)) {
            let x = try evaluation(.before).number(bound, "the example index \(index)")
            row = try Self.wholeLayerIndex(x, "the example index \(index)", at: bound.location) - 1
        } else {
            throw RuntimeError(
                "\(symbol.latex) is example \(index) of \(symbol.name): sum over it "
                    + "(\\sum_{\(index)=1}^{n}) or bind it (where \(index) = 1)", at: location,
                failure: .exampleIndexFree)
        }
        var whole = symbol
        whole.layer = nil
        let value = try self.value(of: whole, at: location)
        guard row >= 0, row < value.value.rows else {
            throw RuntimeError(
                "\(symbol.latex): example \(row + 1) is outside the \(value.value.rows) rows of "
                    + "\(symbol.name)", at: location, failure: .exampleOutsideRows)
        }
        return try value.rows([row]).transposed
    }

    /// The example indices the term's symbols are written with (`i` of `x^{(i)}`).
    func exampleIndices(in term: Expr) -> [(index: String, name: String)] {
        var found: [(String, String)] = []
        var pending = [term]
        while let e = pending.popLast() {
            if case let .symbol(s) = e.kind, let index = context.exampleIndex(of: s) {
                found.append((index, s.name))
                continue
            }
            pending += e.kind.children
        }
        return found
    }

    /// `\sum_{i=1}^{n}` over a term written per example: the term at each example, added.
    func sumOverExamples(
        _ term: Expr, index: String, from: Int?, to: Int?, of name: String,
        at location: SourceLocation
    ) throws -> Variable {
        let rows = try value(of: FormulaSymbol(name: name, latex: name), at: location).value.rows
        let first = from ?? 1, last = to ?? rows
        guard first >= 1, last <= rows else {
            throw RuntimeError(
                "the sum runs \(index) = \(first) … \(last), but \(name) has \(rows) examples (one per "
                    + "row); the limits would have to fit them", at: location,
                failure: .sumOutsideValues)
        }
        let saved = exampleRows[index]
        defer { exampleRows[index] = saved }
        var total = Variable(Tensor(0))
        if last < first { return total }
        for row in (first - 1)..<last {
            exampleRows[index] = row
            total = try total + evaluate(term)
        }
        return total
    }
}
