/// The indicator `\mathbb{1}(z > 0)` and the piecewise `\begin{cases} … \end{cases}`:
/// the comparisons they hold are read as the statements' comparisons are (1 where
/// they hold, 0 elsewhere, entry by entry).
extension FormulaParser {
    private static let comparisons: [LaTeXToken.Kind: BinaryOperator] = [
        .character("<"): .less, .character(">"): .greater, .character("="): .equal,
        .command("lt"): .less, .command("gt"): .greater,
        .command("le"): .lessOrEqual, .command("leq"): .lessOrEqual, .command("leqslant"): .lessOrEqual,
        .command("ge"): .greaterOrEqual, .command("geq"): .greaterOrEqual, .command("geqslant"): .greaterOrEqual,
        .command("ne"): .notEqual, .command("neq"): .notEqual,
    ]

    /// Comparisons spelled as commands: they end the expression before them.
    static let comparisonCommands: Set<String> = [
        "lt", "gt", "le", "leq", "leqslant", "ge", "geq", "geqslant", "ne", "neq",
    ]

    /// `\mathbb{1}(z > 0)`, `\mathbb{1}_{z > 0}`, `\mathbb{1}\{y = k\}`; the cursor is on `\mathbb`.
    mutating func parseIndicator() throws(Diagnostic) -> Expr {
        let command = advance()
        advance()  // {
        advance()  // 1
        advance()  // }
        let condition: Expr
        if accept("_") != nil {
            guard let opening = accept("{") else {
                throw error("an indicator's condition is braced: \\mathbb{1}_{z > 0}", at: location(of: current))
            }
            condition = try parseComparison()
            try close("}", opening: opening)
        } else if let opening = accept("(") {
            condition = try parseComparison()
            try close(")", opening: opening)
        } else if acceptCommand("{") != nil {
            condition = try parseComparison()
            guard acceptCommand("}") != nil else { throw unexpected("'\\}' to close '\\{'") }
        } else {
            throw error(
                "\\mathbb{1} is an indicator: write its condition, \\mathbb{1}(z > 0)", at: location(of: command))
        }
        return try node(
            .call(name: PiecewiseNames.indicator, arguments: [Argument(condition)]), at: location(of: command),
            spelling: "\\mathbb{1}")
    }

    /// Whether the cursor is on `\mathbb{1}` (or `\mathbb{I}`, `\mathbf{1}` followed by a condition).
    func isIndicator() -> Bool {
        guard current.isCommand("mathbb") || current.isCommand("mathbf"), peek().isCharacter("{"),
            peek(3).isCharacter("}")
        else { return false }
        let mark = peek(2)
        guard mark.kind == .number("1") || (current.isCommand("mathbb") && mark.kind == .letter("I")) else {
            return false
        }
        // `\mathbf{1}` alone is a vector of ones; with a condition it is an indicator.
        return current.isCommand("mathbb") || peek(4).isCharacter("_") || peek(4).isCharacter("(")
    }

    /// The letters of `{if }`, `{otherwise.}`: the punctuation and spaces of a case's words
    /// dropped. The cursor is on the `{` and ends after the `}`.
    private mutating func caseWords() -> String {
        advance()
        var word = ""
        while !current.isCharacter("}"), current.kind != .end {
            if case let .letter(letter) = advance().kind { word.unicodeScalars.append(letter) }
        }
        _ = accept("}")
        return word
    }

    /// `a < b`: two expressions and the comparison between them.
    private mutating func parseComparison() throws(Diagnostic) -> Expr {
        let left = try parseExpression()
        guard let op = Self.comparisons[current.kind] else {
            throw unexpected("a comparison (<, >, =, \\leq, \\geq, \\neq)")
        }
        let at = location(of: advance())
        let right = try parseExpression()
        return try node(.binary(op, left, right, operatorLocation: at), at: left.location)
    }

    /// `\begin{cases} 1 & z > 0 \\ 0 & \text{otherwise} \end{cases}`; the cursor is on `\begin`.
    mutating func parseCases() throws(Diagnostic) -> Expr {
        let begin = advance()
        for _ in 0..<7 { advance() }  // {cases}: the braces and five letters
        var arguments: [Argument] = []
        var otherwise = false
        while true {
            if current.isCommand("end") { break }
            guard !otherwise else {
                throw error("the otherwise row of a cases block is its last", at: location(of: current))
            }
            let value = try parseExpression()
            guard accept("&") != nil else { throw unexpected("'&' between a case's value and its condition") }
            // `\text{if } z > 0` and `\text{otherwise}`: the words only say what the row is.
            if case .command(let style) = current.kind, ["text", "textrm", "mathrm"].contains(style),
                peek().isCharacter("{")
            {
                let condition = location(of: current)
                advance()
                let words = caseWords()
                let word = words
                if ["otherwise", "else"].contains(word) {
                    otherwise = true
                    arguments += [Argument(value), Argument(label: PiecewiseNames.otherwise, value)]
                } else if word == "if" {
                    arguments += [Argument(value), Argument(try parseComparison())]
                } else {
                    throw error(
                        "a case's condition is a comparison or \\text{otherwise}, found \\text{\(words)}",
                        at: condition)
                }
            } else {
                arguments += [Argument(value), Argument(try parseComparison())]
            }
            while accept(",") != nil || accept(".") != nil || accept(";") != nil {}
            if acceptCommand("\\") == nil { break }
        }
        guard acceptCommand("end") != nil, accept("{") != nil else {
            throw unexpected("\\end{cases}")
        }
        while !current.isCharacter("}"), current.kind != .end { advance() }
        _ = accept("}")
        guard !arguments.isEmpty else { throw error("a cases block needs a case", at: location(of: begin)) }
        return try node(
            .call(name: PiecewiseNames.cases, arguments: arguments), at: location(of: begin), spelling: "cases")
    }
}
