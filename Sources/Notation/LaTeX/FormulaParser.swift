/// A cursor over the tokens of one equation, with the errors it raises located in
/// the chapter. The grammars are in `FormulaParser+Expressions.swift` and
/// `FormulaParser+Symbols.swift`.
///
/// The token list ends with an `.end` token the cursor never moves past, so the
/// grammars can look ahead without bounds checks.
struct FormulaParser {
    /// Deeper nesting is refused: the grammar recurses once per level.
    static let maximumNesting = 200

    private let tokens: [LaTeXToken]
    let source: FormulaSource
    private var position = 0
    private var nesting = 0
    /// Norms being read: inside one, `\|` closes it; outside, it opens a factor
    /// (`\frac{1}{2} \|y-a^L\|^2`).
    var openNorms = 0

    init(tokens: [LaTeXToken], source: FormulaSource) {
        let end = tokens.last?.range.upperBound ?? 0
        self.tokens = tokens + [LaTeXToken(kind: .end, range: end..<end)]
        self.source = source
    }

    var current: LaTeXToken { tokens[position] }

    /// The token `offset` places after the current one, or the final `.end`.
    func peek(_ offset: Int = 1) -> LaTeXToken {
        tokens[min(position + offset, tokens.count - 1)]
    }

    /// Where the last consumed token ends: the end of what a rule has read.
    var consumedEnd: Int {
        position == 0 ? tokens[0].range.lowerBound : tokens[position - 1].range.upperBound
    }

    @discardableResult
    mutating func advance() -> LaTeXToken {
        let token = current
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    mutating func accept(_ character: Unicode.Scalar) -> LaTeXToken? {
        current.isCharacter(character) ? advance() : nil
    }

    mutating func acceptCommand(_ name: String) -> LaTeXToken? {
        current.isCommand(name) ? advance() : nil
    }

    func location(of token: LaTeXToken) -> SourceLocation {
        source.location(at: token.range.lowerBound)
    }

    /// Enters one level of nesting, refusing depths that would exhaust the stack.
    mutating func enter(at token: LaTeXToken) throws(Diagnostic) {
        nesting += 1
        if nesting > FormulaParser.maximumNesting {
            throw error("formula nested more than \(FormulaParser.maximumNesting) deep", at: location(of: token))
        }
    }

    mutating func leave() { nesting -= 1 }

    /// Consumes the `closing` character of the bracket `opening`; reaching the end
    /// of the equation first means the bracket was never closed.
    mutating func close(_ closing: Unicode.Scalar, opening: LaTeXToken) throws(Diagnostic) {
        guard accept(closing) == nil else { return }
        let place = location(of: opening)
        if current.kind == .end {
            throw error("unbalanced \(opening.quoted) opened at \(place.line):\(place.column)", at: place)
        }
        throw unexpected("'\(closing)' to close \(opening.quoted) at \(place.line):\(place.column)")
    }

    func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(message, at: location, sourceLine: source.chapterLine(at: location))
    }

    /// "expected …, found …" at the current token.
    func unexpected(_ expected: String) -> Diagnostic {
        error("expected \(expected), found \(current.quoted)", at: location(of: current))
    }

    /// Builds a node, refusing trees taller than `Expr.maximumHeight`.
    func node(
        _ kind: Expr.Kind, at location: SourceLocation, spelling: String? = nil,
        reportingAt operatorLocation: SourceLocation? = nil
    ) throws(Diagnostic) -> Expr {
        try Expr.checked(kind, at: location, spelling: spelling, reportingAt: operatorLocation, refusal: error)
    }
}
