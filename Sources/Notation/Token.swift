/// The smallest meaningful piece of a statement.
struct Token: Equatable {
    enum Kind: Equatable {
        /// A plain or dotted name; statement keywords are names too.
        case name(String)
        case number(Double)
        case string(String)
        case symbol(Symbol)
        /// Text the lexer could not read; the message says why. Kept as a token
        /// rather than reported at once so that raw text (a `where` symbol such as
        /// `W^{(1)}`) can contain it, and so that one statement reports one error.
        case invalid(String)
        /// The end of the statement.
        case end
    }

    var kind: Kind
    /// The text as written.
    var text: String
    var location: SourceLocation
    /// Length in Unicode scalars.
    var length: Int

    var endColumn: Int { location.column + length }

    /// The `.end` token that closes a statement or expression whose last token is `last`.
    static func end(after last: Token) -> Token {
        let location = SourceLocation(file: last.location.file, line: last.location.line, column: last.endColumn)
        return Token(kind: .end, text: "", location: location, length: 0)
    }

    /// How an error message names the token: `'x'`, `end of line`.
    var quoted: String {
        kind == .end ? "end of line" : quote(text)
    }

    var name: String? {
        if case .name(let name) = kind { return name }
        return nil
    }

    func isSymbol(_ symbol: Symbol) -> Bool { kind == .symbol(symbol) }
    func isName(_ word: String) -> Bool { kind == .name(word) }
}

/// Operators and punctuation, under their canonical spelling.
enum Symbol: String {
    case leftParenthesis = "(", rightParenthesis = ")"
    case leftBracket = "[", rightBracket = "]"
    case comma = ",", semicolon = ";", colon = ":", equals = "="
    case plus = "+", minus = "-", star = "*", slash = "/", at = "@", caret = "^"
    case dot = ".", range = "..", compose = ">>"
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equalEqual = "==", notEqual = "!="
    /// `≈`, also written `~=`.
    case approximately = "≈"
    /// `±`, also written `+-`.
    case plusMinus = "±"
}
