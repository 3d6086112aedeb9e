/// Parses one expression written in statement syntax, such as `x @ W.T + b`.
///
/// The text may span lines; `line` is the file line of its first line. Throws the
/// first error, located in `file`.
public func parseExpression(_ text: String, file: String = "<expression>", line: Int = 1) throws(Diagnostic) -> Expr {
    let source = SourceText(text, file: file, firstLine: line)
    var tokens = source.lexedLines().flatMap(\.tokens)
    tokens.append(
        tokens.last.map(Token.end(after:))
            ?? Token(kind: .end, text: "", location: SourceLocation(file: file, line: line, column: 1), length: 0))
    var parser = Parser(tokens: tokens, source: source)
    let expression = try parser.parseExpression()
    if parser.current.kind != .end {
        throw parser.unexpected("end of expression")
    }
    return expression
}

/// The expression grammar, loosest first:
///
///     expression := sum (comparison sum)?                  comparisons do not chain
///     comparison := '<' | '<=' | '>' | '>=' | '==' | '!='
///     sum        := product (('+' | '-') product)*
///     product    := prefix (('*' | '/' | '@') prefix)*
///     prefix     := '-'* power
///     power      := postfix ('^' '-'* postfix)*        right-associative
///     postfix    := atom ('.T' | '[' expression ']')*
///     atom       := number | string | name | name '(' arguments ')'
///                 | '(' expression ')' | '[' rows ']'
///
/// Chains of operators are read in loops, not by recursion, so only brackets
/// deepen the stack, and `Parser.maximumNesting` bounds them.
extension Parser {
    /// - Parameter stoppingAtTolerance: stop before `+-` so that `2 +- 0.01` in
    ///   `expect w ≈ 2 +- 0.01` is a tolerance; elsewhere `a +- b` is `a + -b`.
    mutating func parseExpression(stoppingAtTolerance: Bool = false) throws(Diagnostic) -> Expr {
        let left = try parseSum(stoppingAtTolerance: stoppingAtTolerance)
        guard let op = comparison(current) else { return left }
        let operation = advance()
        let right = try parseSum(stoppingAtTolerance: stoppingAtTolerance)
        if comparison(current) != nil {
            throw error("comparisons do not chain: write (a < b) * (b < c) for both", at: current.location)
        }
        return try node(
            .binary(op, left, right, operatorLocation: operation.location),
            at: left.location, reportingAt: operation.location)
    }

    /// The comparison a token spells, if any.
    func comparison(_ token: Token) -> BinaryOperator? {
        switch token.kind {
        case .symbol(.less): .less
        case .symbol(.lessOrEqual): .lessOrEqual
        case .symbol(.greater): .greater
        case .symbol(.greaterOrEqual): .greaterOrEqual
        case .symbol(.equalEqual): .equal
        case .symbol(.notEqual): .notEqual
        default: nil
        }
    }

    /// Sums and everything tighter: the sides of a comparison, and of `expect`'s.
    mutating func parseSum(stoppingAtTolerance: Bool = false) throws(Diagnostic) -> Expr {
        var left = try parseProduct()
        while true {
            let operation = current
            let op: BinaryOperator
            var negatedRight: SourceLocation?
            switch operation.kind {
            case .symbol(.plus): op = .add
            case .symbol(.minus): op = .subtract
            case .symbol(.plusMinus) where operation.text == "+-" && !stoppingAtTolerance:
                op = .add
                negatedRight = SourceLocation(
                    file: operation.location.file, line: operation.location.line,
                    column: operation.location.column + 1)
            default:
                return left
            }
            advance()
            let right = try parseProduct(negatedAt: negatedRight)
            left = try node(
                .binary(op, left, right, operatorLocation: operation.location),
                at: left.location, reportingAt: operation.location)
        }
    }

    private mutating func parseProduct(negatedAt negation: SourceLocation? = nil) throws(Diagnostic) -> Expr {
        var left = try parsePrefix(negatedAt: negation)
        while true {
            let operation = current
            let op: BinaryOperator
            switch operation.kind {
            case .symbol(.star): op = .multiply
            case .symbol(.slash): op = .divide
            case .symbol(.at): op = .matrixProduct
            default: return left
            }
            advance()
            let right = try parsePrefix()
            left = try node(
                .binary(op, left, right, operatorLocation: operation.location),
                at: left.location, reportingAt: operation.location)
        }
    }

    private mutating func parsePrefix(negatedAt negation: SourceLocation? = nil) throws(Diagnostic) -> Expr {
        var minuses = negation.map { [$0] } ?? []
        minuses += acceptMinuses()
        return try negate(parsePower(), at: minuses)
    }

    private mutating func acceptMinuses() -> [SourceLocation] {
        var locations: [SourceLocation] = []
        while let minus = accept(.minus) { locations.append(minus.location) }
        return locations
    }

    /// Wraps `operand` in one negation per minus sign, innermost last.
    private func negate(_ operand: Expr, at minuses: [SourceLocation]) throws(Diagnostic) -> Expr {
        var result = operand
        for location in minuses.reversed() {
            result = try node(.negate(result), at: location)
        }
        return result
    }

    /// `a ^ b ^ -c` is `a ^ (b ^ (-c))`: operands are collected left to right and
    /// folded from the right.
    private mutating func parsePower() throws(Diagnostic) -> Expr {
        var bases = [try parsePostfix()]
        var carets: [SourceLocation] = []
        var exponentMinuses: [[SourceLocation]] = []
        while let caret = accept(.caret) {
            carets.append(caret.location)
            exponentMinuses.append(acceptMinuses())
            bases.append(try parsePostfix())
        }
        var result = bases.removeLast()
        while let caret = carets.popLast(), let minuses = exponentMinuses.popLast(), let base = bases.popLast() {
            let exponent = try negate(result, at: minuses)
            result = try node(
                .binary(.power, base, exponent, operatorLocation: caret),
                at: base.location, reportingAt: caret)
        }
        return result
    }

    private mutating func parsePostfix() throws(Diagnostic) -> Expr {
        var operand = try parseAtom()
        while true {
            if accept(.dot) != nil {
                guard acceptWord("T") != nil else { throw unexpected("'T' (transpose) after '.'") }
                operand = try node(.transpose(operand), at: operand.location)
            } else if current.isSymbol(.leftBracket) {
                let opening = advance()
                try open(opening)
                let index = try parseExpression()
                try close(.rightBracket, opening: opening)
                operand = try node(.row(operand, index: index), at: operand.location)
            } else {
                return operand
            }
        }
    }

    private mutating func parseAtom() throws(Diagnostic) -> Expr {
        let token = current
        switch token.kind {
        case .number(let value):
            advance()
            return try node(.number(value), at: token.location)
        case .string(let text):
            advance()
            return try node(.string(text), at: token.location)
        case .name(let name):
            advance()
            if current.isSymbol(.leftParenthesis) {
                return try node(.call(name: name, arguments: parseArguments()), at: token.location)
            }
            return try node(.name(name), at: token.location)
        case .symbol(.leftParenthesis):
            advance()
            try open(token)
            let inner = try parseExpression()
            try close(.rightParenthesis, opening: token)
            return inner
        case .symbol(.leftBracket):
            return try parseMatrix()
        default:
            throw unexpected("an expression")
        }
    }

    /// `(x, axis: 1)`: positional and named arguments in any order.
    private mutating func parseArguments() throws(Diagnostic) -> [Argument] {
        let opening = advance()
        try open(opening)
        var arguments: [Argument] = []
        if !current.isSymbol(.rightParenthesis) {
            repeat {
                if let label = current.name, peek().isSymbol(.colon) {
                    let start = advance()
                    advance()
                    arguments.append(Argument(label: label, try parseExpression(), at: start.location))
                } else {
                    arguments.append(Argument(try parseExpression()))
                }
            } while accept(.comma) != nil
        }
        try close(.rightParenthesis, opening: opening, expected: "',' or ')'")
        return arguments
    }

    /// `[1, 2; 3, 4]`: entries separated by `,`, rows by `;`, all rows equally long.
    private mutating func parseMatrix() throws(Diagnostic) -> Expr {
        let opening = advance()
        try open(opening)
        if current.isSymbol(.rightBracket) {
            throw error("a matrix needs at least one entry", at: current.location)
        }
        var rows: [[Expr]] = [[]]
        while true {
            rows[rows.count - 1].append(try parseExpression())
            if accept(.comma) != nil { continue }
            if accept(.semicolon) != nil {
                rows.append([])
                continue
            }
            break
        }
        try close(.rightBracket, opening: opening, expected: "',', ';' or ']'")
        for (number, row) in rows.enumerated() where row.count != rows[0].count {
            throw error(
                "row \(number + 1) of the matrix has \(entries(row.count)), row 1 has \(entries(rows[0].count))",
                at: row[0].location)
        }
        return try node(.matrix(rows), at: opening.location)
    }

    private func entries(_ count: Int) -> String {
        count == 1 ? "1 entry" : "\(count) entries"
    }

    /// Builds a node, refusing trees taller than `Expr.maximumHeight`.
    private func node(
        _ kind: Expr.Kind, at location: SourceLocation,
        reportingAt operatorLocation: SourceLocation? = nil
    ) throws(Diagnostic) -> Expr {
        try Expr.checked(kind, at: location, reportingAt: operatorLocation, refusal: error)
    }
}
