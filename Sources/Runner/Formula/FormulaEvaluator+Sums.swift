import Autodiff
import Notation

/// `\sum_{i=1}^{N}`: a sum whose limits are honoured.
extension FormulaEvaluator {
    /// The sum of the term over i = lower … upper, one i per row of the term
    /// (one example per row), or per entry of a single row. Without limits,
    /// every entry is summed. Limits the term's rows cannot satisfy are an
    /// error: dropping them would compare a different sum than the one written.
    func summation(_ arguments: [Argument], at location: SourceLocation) throws -> Variable {
        guard let term = arguments.first(where: { $0.label == nil })?.value else {
            throw RuntimeError("a sum needs a term", at: location, failure: .sumWithoutATerm)
        }
        let lower = arguments.first { $0.label == SumLimits.lower }?.value
        let upper = arguments.first { $0.label == SumLimits.upper }?.value
        if let index = arguments.first(where: { $0.label == SumLimits.index }), case let .symbol(s) = index.value.kind,
            let example = exampleIndices(in: term).first(where: { $0.index == s.name })
        {
            return try sumOverExamples(
                term, index: s.name, from: try lower.map { try limit($0, "the lower limit of the sum") },
                to: try upper.map { try limit($0, "the upper limit of the sum") },
                of: example.name, at: location)
        }
        let index = arguments.first { $0.label == SumLimits.index }.map { "\($0.value)" } ?? "i"
        let whole = wholeEntryIndices
        if lower != nil { wholeEntryIndices.insert(index) }
        let value = try evaluate(term)
        wholeEntryIndices = whole
        guard let lower, let upper else { return try value.sum() }
        let from = try limit(lower, "the lower limit of the sum")
        let to = try limit(upper, "the upper limit of the sum")
        let count = to - from + 1
        guard count >= 0 else {
            throw RuntimeError(
                "the sum runs \(index) = \(from) … \(to): the upper limit is below the lower one",
                at: location, failure: .sumLimitsReversed)
        }
        // A single number does not change with i: each of the count terms is it.
        if value.value.count == 1 { return try value * Variable(Tensor(Double(count))) }
        let byRow = value.shape.rows > 1
        let length = byRow ? value.shape.rows : value.shape.cols
        guard from >= 1, to <= length else {
            throw RuntimeError(
                "the sum runs \(index) = \(from) … \(to), but the values summed have \(length) "
                    + "\(byRow ? "rows" : "entries") (one per \(index)); the limits would have to fit them",
                at: location, failure: .sumOutsideValues)
        }
        if count == 0 { return Variable(Tensor(0)) }
        let rows = Array((from - 1)..<to)
        let picked = byRow ? try value.rows(rows) : try value.transposed.rows(rows)
        return try picked.sum()
    }

    private func limit(_ expression: Expr, _ what: String) throws -> Int {
        let value = try evaluate(expression).value
        guard value.count == 1 else {
            throw RuntimeError(
                "\(what) must be a single number, got a value of shape \(value.shape)", at: expression.location,
                failure: .limitNotANumber)
        }
        let x = value.scalars[0]
        guard x.isFinite, x == x.rounded(), abs(x) <= 1e9 else {
            throw RuntimeError(
                "\(what) must be a whole number, got \(NumberText.format(x))", at: expression.location,
                failure: .limitNotWhole)
        }
        return Int(x)
    }
}
