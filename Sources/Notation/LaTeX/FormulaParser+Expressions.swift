/// The formula grammar, loosest first:
///
///     equation   := expression ('=' | '\approx') expression
///     expression := term (('+' | '-') term)*
///     term       := factor ((operator)? factor)*   operator: \cdot \odot \circ \times * /
///     factor     := ('-' | '+')* postfix
///     postfix    := atom ('^' (T | \top | script))*
///     atom       := number | symbol | application | '(' expression ')' | '[' … ']'
///                 | '{' … '}' | \frac{…}{…} | \sqrt{…} | \exp … | \sum … | \nabla …
///
/// Two factors side by side are a juxtaposition, as binding as `\cdot`. Chains are
/// read in loops; only nesting recurses, and `enter(at:)` bounds it.
extension FormulaParser {
    /// One equation, or a chain `a = b = c` read as one equation per link, each
    /// checked.
    mutating func parseEquations() throws(Diagnostic) -> [Equation] {
        var first = current
        var left = try parseExpression()
        guard var relation = acceptRelation() else {
            throw unexpected(current.kind == .end ? "'=': a checked formula is an equation" : "an operator or '='")
        }
        var equations: [Equation] = []
        while true {
            let next = current
            let right = try parseExpression()
            equations.append(
                Equation(
                    left: left, right: right, relation: relation, location: location(of: first),
                    source: source.text(first.range.lowerBound..<consumedEnd)))
            let relationToken = current
            guard let following = acceptRelation() else { break }
            if [relation, following].contains(where: { Equation.definingRelations.contains($0) || $0 == "←" }) {
                throw error(
                    "a definition or an update is not chained: write it on a line of its own",
                    at: location(of: relationToken))
            }
            first = next
            left = right
            relation = following
        }
        guard current.kind == .end else { throw unexpected("an operator or the end of the equation") }
        return equations
    }

    /// `=`, `\approx`, `\leftarrow`, `\gets`, `:=`, `\coloneqq`, `\equiv`, `\triangleq`.
    private mutating func acceptRelation() -> String? {
        if current.isCharacter(":"), peek().isCharacter("=") {
            advance()
            advance()
            return "≔"
        }
        let relations: [String: String] = [
            "approx": "≈", "leftarrow": "←", "gets": "←", "coloneqq": "≔", "equiv": "≡", "triangleq": "≜",
        ]
        if accept("=") != nil { return "=" }
        guard case let .command(name) = current.kind, let relation = relations[name] else { return nil }
        advance()
        return relation
    }

    /// An expression that must take every token (inline math without a relation).
    mutating func parseWholeExpression() throws(Diagnostic) -> Expr {
        let expression = try parseExpression()
        guard current.kind == .end else { throw unexpected("an operator or the end of the formula") }
        return expression
    }

    mutating func parseExpression() throws(Diagnostic) -> Expr {
        var left = try parseTerm()
        while true {
            let op: BinaryOperator
            switch current.kind {
            case .character("+"): op = .add
            case .character("-"): op = .subtract
            default: return left
            }
            let operation = location(of: advance())
            let right = try parseTerm()
            left = try node(
                .binary(op, left, right, operatorLocation: operation), at: left.location,
                reportingAt: operation)
        }
    }

    mutating func parseTerm() throws(Diagnostic) -> Expr {
        var left = try parseFactor()
        while true {
            let op: BinaryOperator
            let operation: SourceLocation
            let right: Expr
            var spelling: String?
            if let (written, spelled) = multiplicativeOperator(current) {
                op = written
                spelling = spelled
                operation = location(of: advance())
                right = try parseFactor()
            } else if startsFactor(current) {
                op = .juxtaposition
                // `y(x)`: parentheses right after a name, which the meaning may read as an application.
                if current.isCharacter("("), consumedEnd == current.range.lowerBound, case .symbol = left.kind {
                    spelling = "("
                }
                right = try parseFactor()
                operation = right.location
            } else {
                return left
            }
            left = try node(
                .binary(op, left, right, operatorLocation: operation), at: left.location,
                spelling: spelling, reportingAt: operation)
        }
    }

    private mutating func parseFactor() throws(Diagnostic) -> Expr {
        var minuses: [SourceLocation] = []
        while current.isCharacter("-") || current.isCharacter("+") {
            let sign = advance()
            if sign.isCharacter("-") { minuses.append(location(of: sign)) }
        }
        var result = try parsePostfix()
        for minus in minuses.reversed() {
            result = try node(.negate(result), at: minus)
        }
        return result
    }

    mutating func parsePostfix() throws(Diagnostic) -> Expr {
        var operand = try parseAtom()
        while true {
            if current.isCharacter("^") {
                let caret = advance()
                if let spelling = acceptTranspose() {
                    operand = try node(.transpose(operand), at: operand.location, spelling: spelling)
                } else {
                    let exponent = try parseScript()
                    operand = try node(
                        .binary(.power, operand, exponent, operatorLocation: location(of: caret)),
                        at: operand.location, reportingAt: location(of: caret))
                }
            } else if current.isCharacter("_"), case .call = operand.kind, let (indices, length) = entryIndices() {
                // `\mathrm{softmax}(\mathbf{o})_j` (d2l's): entry j of the function's value.
                for _ in 0...length { advance() }
                operand = try node(.entry(operand, indices: indices), at: operand.location)
            } else if current.isCharacter("_") {
                throw error("a subscript is read only as part of a name (x_1, \\theta_t)", at: location(of: current))
            } else if current.isCharacter("'") {
                throw error(
                    "a prime is read only on a function applied to an argument, as in f'(z)",
                    at: location(of: current))
            } else {
                return operand
            }
        }
    }

    /// After a `_`: the entry indices `j`, `{j}` or `{jk}` — one or two of the
    /// letters i, j, k — and how many tokens they take; nil for any other subscript.
    private func entryIndices() -> (indices: [String], length: Int)? {
        let letters: Set<LaTeXToken.Kind> = [.letter("i"), .letter("j"), .letter("k")]
        if letters.contains(peek().kind) { return ([spelled(peek())], 1) }
        guard peek().isCharacter("{") else { return nil }
        var indices: [String] = []
        var offset = 2
        while letters.contains(peek(offset).kind), indices.count < 2 {
            indices.append(spelled(peek(offset)))
            offset += 1
        }
        guard !indices.isEmpty, peek(offset).isCharacter("}") else { return nil }
        return (indices, offset)
    }

    /// `T`, `\top`, `{T}` or `{\top}` after a `^`: the spelling, for rendering.
    private mutating func acceptTranspose() -> String? {
        if isTransposeMark(current) {
            return "^" + spelled(advance())
        }
        if current.isCharacter("{"), isTransposeMark(peek()), peek(2).isCharacter("}") {
            advance()
            let mark = spelled(advance())
            advance()
            return "^{" + mark + "}"
        }
        return nil
    }

    func isTransposeMark(_ token: LaTeXToken) -> Bool {
        token.kind == .letter("T") || token.isCommand("top") || token.isCommand("intercal")
    }

    func spelled(_ token: LaTeXToken) -> String {
        source.text(token.range)
    }

    /// What follows `^` or `_`: a braced expression, or one character or command.
    mutating func parseScript() throws(Diagnostic) -> Expr {
        let token = current
        if token.isCharacter("{") {
            try enter(at: token)
            defer { leave() }
            advance()
            let inner = try parseExpression()
            try close("}", opening: token)
            return inner
        }
        // One character takes no scripts of its own: `x^t_1` is x with both.
        switch token.kind {
        case .number(let digits) where digits.count > 1:
            throw error("a script without braces is one character: write {\(digits)}", at: location(of: token))
        case .number:
            return try parseAtom()
        case .letter(let letter):
            advance()
            return try node(
                .symbol(FormulaSymbol(name: String(letter), latex: spelled(token))), at: location(of: token))
        case .command(let name):
            guard let letter = GreekLetter.letter(forCommand: name) else { fallthrough }
            advance()
            return try node(
                .symbol(FormulaSymbol(name: String(letter), latex: spelled(token))), at: location(of: token))
        default:
            throw unexpected("a script: one character, a Greek letter or {…}")
        }
    }

    private func multiplicativeOperator(_ token: LaTeXToken) -> (BinaryOperator, String)? {
        switch token.kind {
        case .command("cdot"), .command("odot"), .command("circ"), .command("times"), .command("ast"):
            return (.multiply, spelled(token))
        case .character("*"):
            return (.multiply, "*")
        case .character("/"):
            return (.divide, "/")
        default:
            return nil
        }
    }

    /// Whether the token begins a factor, making what precedes it a juxtaposition.
    /// Commands outside the subset count, so that they are reported as such.
    private func startsFactor(_ token: LaTeXToken) -> Bool {
        switch token.kind {
        case .letter, .number, .character("("), .character("["), .character("{"):
            return true
        case .command("|"):
            return openNorms == 0
        case .command(let name):
            return multiplicativeOperator(token) == nil && !["}", "\\", "|", "rVert", "right", "end"].contains(name)
                && !EquationSplitter.relationCommands.contains(name) && !Self.comparisonCommands.contains(name)
        default:
            return false
        }
    }

    private mutating func parseAtom() throws(Diagnostic) -> Expr {
        let token = current
        try enter(at: token)
        defer { leave() }
        switch token.kind {
        case .number(let digits):
            advance()
            guard let value = Double(digits) else {
                throw error("unreadable number \(token.quoted)", at: location(of: token))
            }
            return try node(.number(value), at: location(of: token))
        case .letter(let letter):
            advance()
            return try parseSymbol(base: escapedUnderscoreName(after: letter) ?? String(letter), startingAt: token)
        case .character("("), .character("["), .character("{"):
            return try parseGroup()
        case .character("|"):
            return try parseAbsoluteValue()
        case .command(let name):
            return try parseCommand(name)
        default:
            throw unexpected("an expression")
        }
    }

    /// `state\_sum` (PyTorch's Adagrad): letters joined by an escaped underscore are
    /// one name, `state_sum`; nobody escapes an underscore inside a product. The
    /// cursor is just after `first`; it moves past the name only when it is one.
    private mutating func escapedUnderscoreName(after first: Unicode.Scalar) -> String? {
        var name = String(first)
        var offset = 0
        var joined = false
        while true {
            let token = peek(offset)
            if case let .letter(letter) = token.kind {
                name.unicodeScalars.append(letter)
            } else if token.isCommand("_"), case .letter = peek(offset + 1).kind {
                name += "_"
                joined = true
            } else {
                break
            }
            offset += 1
        }
        guard joined else { return nil }
        for _ in 0..<offset { advance() }
        return name
    }

    /// `( … )`, `[ … ]`, `{ … }` or `\{ … \}`: grouping only, the drawn
    /// brackets kept on the node for the page.
    mutating func parseGroup() throws(Diagnostic) -> Expr {
        let opening = advance()
        let inner = try parseExpression()
        switch opening.kind {
        case .character("("):
            try close(")", opening: opening)
            return inner.bracketed(.parentheses)
        case .character("["):
            try close("]", opening: opening)
            return inner.bracketed(.squareBrackets)
        case .command("{"):
            guard acceptCommand("}") != nil else { throw unexpected("'\\}' to close '\\{'") }
            return inner.bracketed(.braces)
        default:
            try close("}", opening: opening)
            return inner
        }
    }

    private mutating func parseCommand(_ name: String) throws(Diagnostic) -> Expr {
        let token = current
        if isIndicator() { return try parseIndicator() }
        // `\Delta x_t` (Adadelta's step): the change of x is one name, `Δx`, not Δ times x.
        if name == "Delta", case let .letter(letter) = peek().kind {
            advance()
            advance()
            return try parseSymbol(base: "Δ" + String(letter), startingAt: token)
        }
        if let letter = GreekLetter.letter(forCommand: name) {
            advance()
            return try parseSymbol(base: String(letter), startingAt: token)
        }
        if let accent = Accent(command: name) {
            return try parseAccented(accent)
        }
        switch name {
        case "{": return try parseGroup()
        case "frac", "dfrac", "tfrac": return try parseFraction()
        case "sqrt": return try parseSquareRoot()
        case "exp", "tanh": return try parseFunction(named: name)
        case "log", "ln": return try parseFunction(named: "log")
        case "mathbf", "boldsymbol", "bm", "textbf", "mathit", "mathrm", "mathsf", "mathcal", "mathscr":
            return try parseStyledLetter(name)
        case "text", "textrm", "operatorname":
            return try parseUprightName()
        case "max", "min":
            return try parseFunction(named: name)
        case "|", "lVert":
            return try parseNorm()
        case "nabla": return try parseNabla()
        case "sum": return try parseSum()
        case "begin":
            // Only the environments that hold equations are read, and `cases` within
            // one; the splitter leaves any other's `\begin{name}` here.
            var offset = 1
            while !peek(offset).isCharacter("}"), peek(offset).kind != .end { offset += 1 }
            let name = source.text(peek().range.upperBound..<peek(offset).range.lowerBound)
            if name == "cases" { return try parseCases() }
            throw error("\\begin{\(name)} is not in the formula subset tutor reads", at: location(of: token))
        case "partial" where peek().isCharacter("_"):
            // `\partial_{o_j} l`, `\partial_x f` (d2l): the derivative with respect to the subscript.
            return try parseNabla()
        case "partial":
            throw error(
                "\\partial is read only in a derivative \\frac{\\partial C}{\\partial x} or with a "
                    + "subscript, \\partial_x f", at: location(of: token))
        default:
            throw error("\\\(name) is not in the formula subset tutor reads", at: location(of: token))
        }
    }

    /// `\frac{a}{b}` divides; `\frac{\partial C}{\partial x}` is a derivative.
    private mutating func parseFraction() throws(Diagnostic) -> Expr {
        let command = advance()
        let at = location(of: command)
        let spelling = spelled(command)
        let needsArguments = "\(spelling) needs two arguments {…}{…}"
        guard current.isCharacter("{") else { throw error(needsArguments, at: at) }
        if let derivative = try parseDerivativeOperator(at: at, spelling: spelling) { return derivative }
        if peek().isCommand("partial") {
            let of = try parsePartial()
            guard current.isCharacter("{"), peek().isCommand("partial") else {
                throw error("a derivative is written \\frac{\\partial C}{\\partial x}", at: location(of: current))
            }
            let withRespectTo = try parsePartial()
            return try node(.derivative(of: of, withRespectTo: withRespectTo), at: at, spelling: spelling)
        }
        let numerator = try parseGroup()
        guard current.isCharacter("{") else { throw error(needsArguments, at: at) }
        let denominator = try parseGroup()
        return try node(.binary(.divide, numerator, denominator, operatorLocation: at), at: at, spelling: spelling)
    }

    /// `\frac{\partial}{\partial x} f` and `\frac{d}{dx} f`: the derivative of the
    /// factor that follows; `\frac{dC}{dw}`: Leibniz's notation for ∂C/∂w. A
    /// fraction whose numerator and denominator both start with the letter d is
    /// read as a derivative, as the field writes it. Nil for any other fraction.
    private mutating func parseDerivativeOperator(at: SourceLocation, spelling: String) throws(Diagnostic) -> Expr? {
        let numeratorMark = peek()
        let isPartial = numeratorMark.isCommand("partial")
        guard isPartial || numeratorMark.kind == .letter("d"),
            let denominator = matchingBraceOffset(from: 0).map({ $0 + 1 }),
            peek(denominator).isCharacter("{"),
            isPartial ? peek(denominator + 1).isCommand("partial") : peek(denominator + 1).kind == .letter("d"),
            !peek(denominator + 2).isCharacter("}")
        else { return nil }
        // `\frac{\partial C}{\partial x}` is read by the caller; only the operator is read here.
        if isPartial, !peek(2).isCharacter("}") { return nil }
        if !isPartial, peek(2).isCharacter("^") {
            throw error("higher derivatives (d^2) are not in the formula subset tutor reads", at: location(of: peek(2)))
        }
        if !isPartial, !(peek(2).isCharacter("}") || startsSymbol(peek(2))) { return nil }
        let opening = advance()
        advance()
        var of: Expr?
        if current.isCharacter("}") {
            advance()
        } else {
            of = try parseExpression()
            try close("}", opening: opening)
        }
        let lower = advance()
        advance()
        let withRespectTo = try parseExpression()
        try close("}", opening: lower)
        let operand: Expr
        if let of { operand = of } else { operand = try parsePostfix() }
        // The spelling says which d was written and whether the operator stood before its operand.
        let written = (isPartial ? spelling : spelling + "{d}") + (of == nil ? Expr.derivativeOperatorMark : "")
        return try node(.derivative(of: operand, withRespectTo: withRespectTo), at: at, spelling: written)
    }

    /// Whether the token begins a name: a letter or a Greek letter.
    private func startsSymbol(_ token: LaTeXToken) -> Bool {
        if token.isLetter { return true }
        if case let .command(name) = token.kind { return GreekLetter.letter(forCommand: name) != nil }
        return false
    }

    /// The offset of the `}` that closes the `{` at `offset` from the current token.
    func matchingBraceOffset(from offset: Int) -> Int? {
        var depth = 0
        var index = offset
        while true {
            let token = peek(index)
            if token.kind == .end { return nil }
            if token.isCharacter("{") { depth += 1 }
            if token.isCharacter("}") {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
    }

    /// `{\partial C}`: the value after `\partial`.
    private mutating func parsePartial() throws(Diagnostic) -> Expr {
        let opening = advance()
        let partial = advance()
        if current.isCharacter("^") {
            throw error(
                "higher derivatives (\\partial^2) are not in the formula subset tutor reads",
                at: location(of: current))
        }
        if current.isCharacter("}") {
            throw error(
                "\\partial needs the value it differentiates: \\frac{\\partial C}{\\partial x}",
                at: location(of: partial))
        }
        let value = try parseExpression()
        try close("}", opening: opening)
        return value
    }

    private mutating func parseSquareRoot() throws(Diagnostic) -> Expr {
        let command = advance()
        if current.isCharacter("[") {
            throw error("\\sqrt[n] is not in the formula subset tutor reads; \\sqrt{x} is", at: location(of: current))
        }
        guard current.isCharacter("{") else { throw error("\\sqrt needs an argument {…}", at: location(of: command)) }
        let radicand = try parseGroup()
        return try node(
            .call(name: "sqrt", arguments: [Argument(radicand)]), at: location(of: command),
            spelling: "\\sqrt")
    }

    /// `\exp(x)`, `\log x`: a parenthesised argument list, or the one factor that
    /// follows. `\max_i x_i`: over every entry, the index kept for nothing else.
    private mutating func parseFunction(named name: String) throws(Diagnostic) -> Expr {
        let command = advance()
        if name == "max" || name == "min", accept("_") != nil { try skipScript() }
        // `\tanh^2(x)`: the power of the function's value, as the field writes it.
        var power: Expr?
        if current.isCharacter("^"), name != "max", name != "min" {
            advance()
            power = try parseScript()
        }
        let arguments = current.isCharacter("(") ? try parseArguments() : [Argument(try parsePostfix())]
        let call = try node(
            .call(name: name, arguments: arguments), at: location(of: command), spelling: spelled(command))
        guard let power else { return call }
        return try node(
            .binary(.power, call, power, operatorLocation: power.location), at: location(of: command),
            spelling: "\\" + name + "^")
    }

    /// `\|x\|`, `\lVert x \rVert`: the Euclidean (Frobenius) norm. A subscript
    /// `_2` or `_F` names the same norm.
    private mutating func parseNorm() throws(Diagnostic) -> Expr {
        let opening = advance()
        openNorms += 1
        let inner = try parseExpression()
        openNorms -= 1
        guard acceptCommand(opening.isCommand("lVert") ? "rVert" : "|") != nil else {
            throw unexpected(
                "\(opening.isCommand("lVert") ? "'\\rVert'" : "'\\|'") to close the norm opened at "
                    + "\(location(of: opening).line):\(location(of: opening).column)")
        }
        if current.isCharacter("_"), peek().kind == .number("2") || peek().kind == .letter("F") {
            advance()
            advance()
        }
        return try node(.call(name: "norm", arguments: [Argument(inner)]), at: location(of: opening), spelling: "\\|")
    }

    /// `|x|`: the absolute value of every entry.
    mutating func parseAbsoluteValue() throws(Diagnostic) -> Expr {
        let opening = advance()
        let inner = try parseExpression()
        try close("|", opening: opening)
        return try node(.call(name: "abs", arguments: [Argument(inner)]), at: location(of: opening), spelling: "|")
    }

    /// `(a, b)` after a function's name.
    mutating func parseArguments() throws(Diagnostic) -> [Argument] {
        let opening = advance()
        var arguments = [Argument(try parseExpression())]
        while accept(",") != nil {
            arguments.append(Argument(try parseExpression()))
        }
        try close(")", opening: opening)
        return arguments
    }

    /// `\nabla_{θ} J(θ_t)`, or `\nabla L(θ)`: with respect to the argument. The
    /// spelling (`\nabla_` or `\nabla`) says whether the subscript was written.
    private mutating func parseNabla() throws(Diagnostic) -> Expr {
        let nabla = advance()
        let subscriptSpelling = nabla.isCommand("partial") ? "\\partial_" : "\\nabla_"
        let withRespectTo: Expr? = accept("_") != nil ? try parseScript() : nil
        var operand = try parseAtom()
        // `\nabla_w l(w_{t-1})`: parentheses right after the name belong to it, inside
        // the derivative (the meaning reads them as the loss's argument where l is the loss).
        if case .symbol = operand.kind, current.isCharacter("("), consumedEnd == current.range.lowerBound {
            let argument = try parseAtom()
            operand = try node(
                .binary(.juxtaposition, operand, argument, operatorLocation: argument.location),
                at: operand.location, spelling: "(")
        }
        if let withRespectTo {
            return try node(
                .derivative(of: operand, withRespectTo: withRespectTo), at: location(of: nabla),
                spelling: subscriptSpelling)
        }
        guard case .call(_, let arguments) = operand.kind, arguments.count == 1 else {
            throw error(
                "\\nabla without a subscript needs a function of one argument, as in \\nabla L(\\theta);"
                    + " otherwise write \\nabla_{x} C", at: location(of: nabla))
        }
        return try node(
            .derivative(of: operand, withRespectTo: arguments[0].value), at: location(of: nabla),
            spelling: "\\nabla")
    }

    /// `\sum_i x_i y_i`: the sum of all entries of the term that follows, the
    /// index kept for rendering. `\sum_{i=1}^{N}`: the sum over i = 1 … N, its
    /// limits kept (labelled `SumLimits`) for the meaning to honour. An index set
    /// the grammar does not read (`\sum_{x \in X}`) sums every entry, as `\sum_x` does.
    private mutating func parseSum() throws(Diagnostic) -> Expr {
        let sum = advance()
        var limits: [Argument] = []
        var hasLower = false, hasUpper = false
        while current.isCharacter("_") || current.isCharacter("^") {
            let script = advance()
            if script.isCharacter("^") {
                guard !hasUpper else { throw error("a sum has one upper limit", at: location(of: script)) }
                hasUpper = true
                limits.append(Argument(label: SumLimits.upper, try parseScript()))
                continue
            }
            guard !hasLower, limits.allSatisfy({ $0.label != SumLimits.index }) else {
                throw error("a sum has one subscript", at: location(of: script))
            }
            let saved = self
            if let (index, lower) = try? sumIndex() {
                limits.append(Argument(label: SumLimits.index, index))
                if let lower {
                    hasLower = true
                    limits.append(Argument(label: SumLimits.lower, lower))
                }
            } else {
                self = saved
                try skipScript()
            }
        }
        if hasUpper != hasLower {
            throw error(
                hasUpper
                    ? "a sum with an upper limit needs its lower one: \\sum_{i=1}^{N}"
                    : "a sum with a lower limit needs its upper one: \\sum_{i=1}^{N}",
                at: location(of: sum))
        }
        let term = try parseTerm()
        return try node(
            .call(name: "sum", arguments: [Argument(term)] + limits), at: location(of: sum),
            spelling: "\\sum")
    }

    /// `i`, `{i}` or `{i=1}` after a sum's `_`: the index and its first value.
    private mutating func sumIndex() throws(Diagnostic) -> (Expr, Expr?) {
        guard let opening = accept("{") else {
            return (try parseScript(), nil)
        }
        let index = try parseScript()
        guard case .symbol = index.kind else { throw unexpected("an index") }
        var lower: Expr?
        if accept("=") != nil { lower = try parseExpression() }
        try close("}", opening: opening)
        return (index, lower)
    }

    private mutating func skipScript() throws(Diagnostic) {
        guard current.isCharacter("{") else {
            advance()
            return
        }
        let opening = advance()
        var depth = 1
        while depth > 0 {
            if current.kind == .end { try close("}", opening: opening) }
            let token = advance()
            if token.isCharacter("{") { depth += 1 }
            if token.isCharacter("}") { depth -= 1 }
        }
    }
}
