/// One equation of a display formula: what `check formula` compares.
public struct Equation: Hashable, Sendable {
    public var left: Expr
    public var right: Expr
    /// `=`, or `≈` for `\approx`, compared within the check's tolerances; `←` for
    /// `\leftarrow` and `\gets`, an update read as `=` is; `≔`, `≡`, `≜` for `:=`,
    /// `\equiv`, `\triangleq`, which always define their left side.
    public var relation: String
    /// Where the equation's first character is in the chapter.
    public var location: SourceLocation
    /// The equation's LaTeX, for messages and reports.
    public var source: String
    /// In an algorithm box, the `\textbf{if}` tests the row is governed by, outermost
    /// first: the equation applies only where every one comes out as it says.
    public var conditions: [AlgorithmCondition] = []

    /// The relations that define their left side instead of stating an equality.
    public static let definingRelations: Set<String> = ["≔", "≡", "≜"]

    public var isDefinition: Bool { Equation.definingRelations.contains(relation) }

    public init(left: Expr, right: Expr, relation: String = "=", location: SourceLocation, source: String) {
        self.left = left
        self.right = right
        self.relation = relation
        self.location = location
        self.source = source
    }
}

/// One row of an algorithm box as it is drawn.
public struct FormulaRow: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// The equations of the row, by their index in the reading.
        case equations([Int])
        /// `\textbf{if} \lambda \neq 0`, `\textbf{return} \theta_t`: the keyword; its test,
        /// or the rest of the row as an expression where it reads as one; and the
        /// rest as plain text.
        case keyword(String, test: AlgorithmCondition?, expression: Expr?, text: String)
        /// A row that continues a keyword row (the inputs), as plain text.
        case text(String)
    }

    public var kind: Kind
    /// The row's `\hspace` at its start, in millimetres.
    public var indent: Double
}

/// What reading a display formula gave: the equations that read, and a located
/// diagnostic for each one that did not.
public struct FormulaReading: Hashable, Sendable {
    public var equations: [Equation]
    public var diagnostics: [Diagnostic]
    /// For an algorithm box, its rows in order (keyword rows included); empty for
    /// any other formula, which is drawn as its equations.
    public var rows: [FormulaRow] = []

    public init(equations: [Equation], diagnostics: [Diagnostic]) {
        self.equations = equations
        self.diagnostics = diagnostics
    }
}
