/// Splits one source line into tokens.
///
/// Lines are lexed one at a time because nothing in the notation spans a line
/// except brackets, which the statement splitter handles on tokens. Works on an
/// array of Unicode scalars, so columns are scalar counts and every step is O(1):
/// a megabyte-long line lexes in linear time.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private let file: String
    private let line: Int
    private var index = 0

    /// The tokens of a line and where its code ends (at a `#` comment or the line's end).
    struct Line {
        var tokens: [Token]
        var codeEnd: Int
    }

    static func lex(_ scalars: [Unicode.Scalar], file: String, line: Int) -> Line {
        var lexer = Lexer(scalars: scalars, file: file, line: line)
        return lexer.lexLine()
    }

    private init(scalars: [Unicode.Scalar], file: String, line: Int) {
        self.scalars = scalars
        self.file = file
        self.line = line
    }

    private mutating func lexLine() -> Line {
        var tokens: [Token] = []
        while let scalar = peek() {
            if scalar == "#" { break }
            if scalar.properties.isWhitespace {
                index += 1
                continue
            }
            tokens.append(nextToken())
        }
        return Line(tokens: tokens, codeEnd: index)
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let position = index + offset
        return position < scalars.count ? scalars[position] : nil
    }

    private mutating func nextToken() -> Token {
        let start = index
        let scalar = scalars[index]
        if isNameStart(scalar) { return name(from: start) }
        if isDigit(scalar) || (scalar == "." && peek(1).map(isDigit) == true) {
            return number(from: start)
        }
        if scalar == "\"" { return string(from: start) }
        if let symbol = symbol() { return token(.symbol(symbol), from: start) }
        index += 1
        if let ascii = Self.asciiLookalike(of: scalar) {
            let name = scalar.properties.name.map { " (\($0.lowercased()))" } ?? ""
            return token(
                .invalid(
                    "unexpected character \(describe(scalar))\(name): directives are written in ASCII — "
                        + "use '\(ascii)'"), from: start)
        }
        return token(.invalid("unexpected character \(describe(scalar))"), from: start)
    }

    /// The ASCII character a Chinese or Japanese input method writes in its
    /// full-width form (`（` for `(`, `，` for `,`), or curly quotes for `"`.
    static func asciiLookalike(of scalar: Unicode.Scalar) -> Character? {
        switch scalar.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0).map(Character.init)
        case 0x3001: return ","
        case 0x3002: return "."
        case 0x201C, 0x201D: return "\""
        default: return nil
        }
    }

    /// `'$'`, or `U+200B` for a character that would be invisible in the message.
    private func describe(_ scalar: Unicode.Scalar) -> String {
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator,
            .nonspacingMark, .enclosingMark, .privateUse, .unassigned, .surrogate:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        default:
            return "'\(scalar)'"
        }
    }

    private func token(_ kind: Token.Kind, from start: Int) -> Token {
        Token(
            kind: kind, text: text(start..<index),
            location: SourceLocation(file: file, line: line, column: start + 1),
            length: index - start)
    }

    private func text(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(scalars[range]))
    }

    /// A name, with dotted segments (`net.1.W`) but without a final `.T`, which is a transpose.
    private mutating func name(from start: Int) -> Token {
        skipNameRest()
        while peek() == ".", let next = peek(1), next.properties.isXIDContinue {
            let dot = index
            index += 1
            skipNameRest()
            if text(dot + 1..<index) == "T" {
                index = dot
                break
            }
        }
        return token(.name(text(start..<index)), from: start)
    }

    private mutating func skipNameRest() {
        while let scalar = peek(), scalar.properties.isXIDContinue { index += 1 }
    }

    /// `3`, `0.5`, `.5`, `1e-3`, `2E+4`. A number running into letters, digits or a
    /// second fraction (`1e`, `1.2.3`, `3x`) is one invalid token, not several valid ones.
    private mutating func number(from start: Int) -> Token {
        skipDigits()
        if peek() == ".", let next = peek(1), isDigit(next) {
            index += 1
            skipDigits()
        }
        if peek() == "e" || peek() == "E" {
            let hasSign = peek(1) == "+" || peek(1) == "-"
            if let digit = peek(hasSign ? 2 : 1), isDigit(digit) {
                index += hasSign ? 2 : 1
                skipDigits()
            }
        }
        if isMalformedContinuation() {
            while isMalformedContinuation() || peek()?.properties.isXIDContinue == true {
                index += 1
            }
            return token(.invalid("invalid number \(quote(text(start..<index)))"), from: start)
        }
        let literal = text(start..<index)
        guard let value = Double(literal), value.isFinite else {
            return token(.invalid("number \(quote(literal)) is too large"), from: start)
        }
        return token(.number(value), from: start)
    }

    private func isMalformedContinuation() -> Bool {
        guard let scalar = peek() else { return false }
        if scalar.properties.isXIDContinue { return true }
        // `1.2.3` is malformed, but `1..5` is a range and `x.T` a transpose.
        return scalar == "." && peek(1).map(isDigit) == true
    }

    private mutating func skipDigits() {
        while let scalar = peek(), isDigit(scalar) { index += 1 }
    }

    /// A string runs to the next `"` on the same line; there are no escapes, since
    /// file paths and split names never need them.
    private mutating func string(from start: Int) -> Token {
        index += 1
        while let scalar = peek(), scalar != "\"" { index += 1 }
        guard peek() == "\"" else {
            return token(
                .invalid("expected '\"' to close the string at \(line):\(start + 1), found end of line"),
                from: start)
        }
        index += 1
        return token(.string(text(start + 1..<index - 1)), from: start)
    }

    /// Reads an operator or punctuation mark, longest spelling first. `~=`, `+-`,
    /// `≤`, `≥`, `≠` and `...` are alternative spellings of `≈`, `±`, `<=`, `>=`,
    /// `!=` and `..`.
    private mutating func symbol() -> Symbol? {
        // `-2...2` is a range, as `-2..2` is (not `-2..` and `.2`).
        if scalars[index] == ".", peek(1) == ".", peek(2) == "." {
            index += 3
            return .range
        }
        let pair: Symbol? =
            switch (scalars[index], peek(1)) {
            case (".", "."): .range
            case (">", ">"): .compose
            case ("<", "="): .lessOrEqual
            case (">", "="): .greaterOrEqual
            case ("=", "="): .equalEqual
            case ("!", "="): .notEqual
            case ("~", "="): .approximately
            case ("+", "-"): .plusMinus
            default: nil
            }
        if let pair {
            index += 2
            return pair
        }
        let single: Symbol? =
            switch scalars[index] {
            case "≤": .lessOrEqual
            case "≥": .greaterOrEqual
            case "≠": .notEqual
            default: Symbol(rawValue: String(scalars[index]))
            }
        if single != nil { index += 1 }
        return single
    }

    private func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isXIDStart
    }

    private func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }
}
