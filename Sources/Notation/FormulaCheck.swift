/// The clauses of `check formula`, each optional and in any order.
public struct FormulaCheck: Hashable, Sendable, Codable {
    /// `where \eta = lr, l = 2`
    public var bindings: [FormulaBinding]
    /// `for example 3`: the row of the data the formula is evaluated for.
    public var example: Int?
    /// `within 1e-4`: replaces the default tolerances of the comparison.
    public var tolerance: Double?
    /// `expect fail`: the formula is an erratum and must disagree.
    public var expectsFailure: Bool
    /// `in d2l notation`: whose notation the formula is in, over the chapter's `notation`.
    public var convention: FormulaConvention?

    public init(
        bindings: [FormulaBinding] = [], example: Int? = nil,
        tolerance: Double? = nil, expectsFailure: Bool = false
    ) {
        self.bindings = bindings
        self.example = example
        self.tolerance = tolerance
        self.expectsFailure = expectsFailure
    }
}

/// One `symbol = value` of a `where` clause.
///
/// The symbol stays raw text (`\eta`, `W^{(1)}`) because only the formula reader
/// knows how to turn LaTeX into a name; the value is an ordinary expression.
public struct FormulaBinding: Hashable, Sendable, Codable {
    public var symbol: String
    public var value: Expr
    /// Where the symbol starts.
    public var location: SourceLocation

    public init(symbol: String, value: Expr, at location: SourceLocation) {
        self.symbol = symbol
        self.value = value
        self.location = location
    }
}
