/// An expression as the engine evaluates it, whether written in a statement
/// (`x @ W.T + b`) or read from a formula (`W^{(1)} x + b`).
///
/// The tree is deliberately small and syntax-neutral so that the statement parser
/// and the formula reader build the same shapes: a formula that means `softmax(z)`
/// produces the same `.call` node as the statement text does. Forms only a formula
/// can express (layered and time-stepped symbols, derivatives, primes) are cases of
/// their own, which a statement never produces.
public struct Expr: Hashable, Sendable, Codable {
    public indirect enum Kind: Hashable, Sendable, Codable {
        case number(Double)
        case string(String)
        /// A plain or dotted name: `x`, `η`, `net.1.W`.
        case name(String)
        /// Rows of entries; every row has the same number of entries.
        case matrix([[Expr]])
        /// A function, layer, optimizer or data set applied to arguments: `softmax(z, axis: 1)`.
        case call(name: String, arguments: [Argument])
        case negate(Expr)
        /// The location of the operator is kept apart from the node's start so that
        /// a shape mismatch can point at the `@` that caused it.
        case binary(BinaryOperator, Expr, Expr, operatorLocation: SourceLocation)
        case transpose(Expr)
        /// Row `index` of a matrix, counting from 0: `x[i]`.
        case row(Expr, index: Expr)
        /// A formula's symbol with its layer index and time step: `W^{(l+1)}`, `θ_{t+1}`.
        /// Kept apart from `.name` because which value it denotes depends on the
        /// formula's meaning (the layer bound, whether the formula is an update).
        case symbol(FormulaSymbol)
        /// `∂of/∂withRespectTo`, from `\frac{\partial C}{\partial z^{(l)}}` or
        /// `\nabla_{θ} J(θ_t)`: the derivative of a value with respect to another.
        case derivative(of: Expr, withRespectTo: Expr)
        /// `f'(z)`: the derivative of the activation bound to `function`, at `argument`.
        case prime(function: String, argument: Expr)
        /// `\mathrm{softmax}(\mathbf{o})_j` (d2l's): the entry of a value that is not a
        /// name, at the indices `j`, `k` the equation is checked over.
        case entry(Expr, indices: [String])
    }

    /// Trees taller than this are refused by the parsers, so that every recursive
    /// walk over a tree (evaluation, printing, even deallocation) has a bounded depth.
    public static let maximumHeight = 1000

    public let kind: Kind
    /// Where the node starts in the source.
    public let location: SourceLocation
    /// Nodes on the longest path from this node down to a leaf (a leaf has height 1).
    public let height: Int
    /// The LaTeX command an operator node was read from (`\cdot`, `\frac`, `\top`),
    /// so that the rendered formula shows what its author wrote. Only rendering
    /// reads it; `hasSameStructure(as:)` ignores it.
    public let spelling: String?
    /// The brackets its author wrote around the node, innermost first: `((a + b))`
    /// keeps two parentheses, so that a page draws the grouping as written. Like
    /// `spelling`, only rendering reads it.
    public let brackets: [Bracket]

    /// A pair of brackets that groups and is drawn: `(…)`, `[…]`, `\{…\}`; plain `{…}` only groups and is not kept.
    public enum Bracket: String, Hashable, Sendable, Codable {
        case parentheses = "()"
        case squareBrackets = "[]"
        case braces = "{}"
    }

    public init(_ kind: Kind, at location: SourceLocation, spelling: String? = nil, brackets: [Bracket] = []) {
        self.kind = kind
        self.location = location
        self.spelling = spelling
        self.brackets = brackets
        self.height = 1 + (kind.children.map(\.height).max() ?? 0)
    }

    /// Ends the spelling of a derivative written as an operator before its operand,
    /// `\frac{\partial}{\partial x} f`, as against `\frac{\partial f}{\partial x}`.
    static let derivativeOperatorMark = "{·}{·x}"

    /// Whether a derivative was written as an operator before its operand.
    public var isDerivativeOperator: Bool { spelling?.hasSuffix(Expr.derivativeOperatorMark) == true }

    /// The same node inside one more pair of brackets.
    public func bracketed(_ bracket: Bracket) -> Expr {
        Expr(kind, at: location, spelling: spelling, brackets: brackets + [bracket])
    }

    /// Builds a node as a parser does, refusing trees taller than `maximumHeight`
    /// with the error `refusal` makes of the message and where to report it:
    /// `reportingAt` (the operator that made the tree too tall), else `location`.
    static func checked(
        _ kind: Kind, at location: SourceLocation, spelling: String? = nil,
        reportingAt reportLocation: SourceLocation? = nil,
        refusal: (String, SourceLocation) -> Diagnostic
    ) throws(Diagnostic) -> Expr {
        let expression = Expr(kind, at: location, spelling: spelling)
        if expression.height > maximumHeight {
            throw refusal("expression nested more than \(maximumHeight) levels deep", reportLocation ?? location)
        }
        return expression
    }
}

extension Expr.Kind {
    /// The direct subexpressions, in source order.
    public var children: [Expr] {
        switch self {
        case .number, .string, .name:
            return []
        case .symbol(let symbol):
            return symbol.layer.map { [$0] } ?? []
        case .derivative(let of, let withRespectTo):
            return [of, withRespectTo]
        case .prime(_, let argument), .entry(let argument, _):
            return [argument]
        case .matrix(let rows):
            return rows.flatMap { $0 }
        case .call(_, let arguments):
            return arguments.map(\.value)
        case .negate(let operand), .transpose(let operand):
            return [operand]
        case .binary(_, let left, let right, _):
            return [left, right]
        case .row(let matrix, let index):
            return [matrix, index]
        }
    }
}
