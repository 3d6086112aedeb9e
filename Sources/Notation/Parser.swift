/// A cursor over the tokens of one statement (or one expression), shared by the
/// expression and statement grammars; every error it raises is located.
///
/// The token list always ends with an `.end` token, which the cursor never moves
/// past, so the grammars can look ahead without bounds checks.
struct Parser {
    /// Deeper bracket nesting is refused: the grammar recurses once per bracket.
    static let maximumNesting = 200

    private let tokens: [Token]
    private let source: SourceText
    private var position = 0
    /// Brackets currently open.
    private var nesting = 0

    init(tokens: [Token], source: SourceText) {
        precondition(tokens.last?.kind == .end, "a statement's tokens end with .end")
        self.tokens = tokens
        self.source = source
    }

    var current: Token { tokens[position] }

    /// The token `offset` places after the current one, or the final `.end`.
    func peek(_ offset: Int = 1) -> Token {
        tokens[min(position + offset, tokens.count - 1)]
    }

    @discardableResult
    mutating func advance() -> Token {
        let token = current
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    mutating func accept(_ symbol: Symbol) -> Token? {
        current.isSymbol(symbol) ? advance() : nil
    }

    mutating func acceptWord(_ word: String) -> Token? {
        current.isName(word) ? advance() : nil
    }

    @discardableResult
    mutating func expect(_ symbol: Symbol, _ expected: String? = nil) throws(Diagnostic) -> Token {
        guard let token = accept(symbol) else {
            throw unexpected(expected ?? "'\(symbol.rawValue)'")
        }
        return token
    }

    @discardableResult
    mutating func expectWord(_ word: String, _ expected: String? = nil) throws(Diagnostic) -> Token {
        guard let token = acceptWord(word) else { throw unexpected(expected ?? "'\(word)'") }
        return token
    }

    /// Enters the bracket `opening`, refusing nesting that would exhaust the stack.
    mutating func open(_ opening: Token) throws(Diagnostic) {
        nesting += 1
        if nesting > Parser.maximumNesting {
            throw error("brackets nested more than \(Parser.maximumNesting) deep", at: opening.location)
        }
    }

    /// Consumes the bracket closing `opening`; `expected` names what else could
    /// have come instead (`',' or ')'`).
    mutating func close(_ closing: Symbol, opening: Token, expected: String? = nil) throws(Diagnostic) {
        guard accept(closing) != nil else {
            let place = "\(opening.location.line):\(opening.location.column)"
            throw unexpected("\(expected ?? "'\(closing.rawValue)'") to close '\(opening.text)' at \(place)")
        }
        nesting -= 1
    }

    func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(message, at: location, sourceLine: source.lineText(location.line))
    }

    /// "expected …, found …" at the current token; an unreadable token reports
    /// its own, more precise message instead.
    func unexpected(_ expected: String) -> Diagnostic {
        if case .invalid(let message) = current.kind {
            return error(message, at: current.location)
        }
        return error("expected \(expected), found \(current.quoted)", at: current.location)
    }

    /// The source text between two tokens, trimmed; to the end of `start`'s line
    /// when `end` is on a later one (a statement continued by an open bracket).
    func text(from start: Token, upTo end: Token) -> String {
        let endColumn = end.location.line == start.location.line ? end.location.column : Int.max
        return source.text(line: start.location.line, columns: start.location.column..<endColumn)
            .trimmingWhitespace()
    }
}
