/// Symbols and what joins their names: accents, subscripts, layer superscripts,
/// time steps, primes, and the rule that makes `f(z)` an application.
extension FormulaParser {
    /// The scripts and the prime or argument list that may follow a symbol's letter,
    /// already read as `base`.
    mutating func parseSymbol(
        base: String, startingAt start: LaTeXToken,
        isFunctionName: Bool = false
    ) throws(Diagnostic) -> Expr {
        let at = location(of: start)
        var name = base
        var subscripted = false
        var step: Int?
        var layer: Expr?
        var brackets = FormulaSymbol.LayerBrackets.parentheses
        var transpose: String?
        var power: Expr?
        var nameBeforeSubscript = name
        var subscriptFragment: String?
        while true {
            if current.isCharacter("_"), !subscripted {
                advance()
                subscripted = true
                switch try parseNameSubscript() {
                case .step(let offset): step = offset
                case .name(let fragment):
                    nameBeforeSubscript = name
                    subscriptFragment = fragment
                    name += "_" + fragment
                }
            } else if current.isCharacter("^"), layer == nil, power == nil, FormulaParser.layerLetters.contains(base),
                isBareLayerScript()
            {
                // Nielsen's `w^l`, `\delta^{l+1}`: a layer where the meaning finds a model.
                advance()
                layer = try parseScript()
                brackets = .bare
            } else if current.isCharacter("^"), layer == nil, power == nil, let (label, length) = labelSuperscript() {
                // `v_t^{max}` (PyTorch's AMSGrad): a name of its own, `v_max`.
                for _ in 0..<length { advance() }
                name += "_" + label
            } else if current.isCharacter("^"), layer == nil, let length = starLength() {
                // `w^*`: the optimum, a name of its own.
                for _ in 0..<length { advance() }
                name += "*"
            } else if current.isCharacter("^"), !subscripted, layer == nil, power == nil, layerClosing() == nil,
                let exponent = try powerBeforeSubscript()
            {
                // `g^2_t` (PyTorch's Adam): the square of g_t.
                power = exponent
            } else if current.isCharacter("^"), layer == nil, let closing = layerClosing() {
                advance()
                advance()
                let opening = advance()
                brackets = closing == ")" ? .parentheses : .squareBrackets
                layer = try parseExpression()
                try close(closing, opening: opening)
                if isTransposeMark(current) {
                    transpose = "^{…" + spelled(advance()) + "}"
                }
                advance()  // the `}` that `layerClosing()` found
                // `\theta^{(t)}`, `w^{(t+1)}` (a superscript time, as some textbooks write it): a step.
                if closing == ")", step == nil, let parsed = layer, let offset = Self.timeOffset(parsed) {
                    step = offset
                    layer = nil
                }
            } else {
                break
            }
        }
        // `\delta^l_j`, `w^l_{jk}`: after a layer, the letters i, j, k index entries.
        var components: [String] = []
        if layer != nil, let fragment = subscriptFragment, fragment.allSatisfy({ "ijk".contains($0) }) {
            name = nameBeforeSubscript
            components = fragment.map(String.init)
        }
        let symbol = FormulaSymbol(
            name: name, layer: layer, layerBrackets: brackets, step: step,
            components: components, latex: source.text(start.range.lowerBound..<consumedEnd))
        let plain = layer == nil && step == nil
        // `\mathbf{g}_t'` (d2l): without an argument, the prime makes a name of its own, `g′`.
        if current.isCharacter("'"), !(plain && peek().isCharacter("(")), layer == nil, power == nil, transpose == nil {
            advance()
            var primed = symbol
            primed.name += "′"
            primed.latex = source.text(start.range.lowerBound..<consumedEnd)
            return try node(.symbol(primed), at: at)
        }
        if current.isCharacter("'") {
            let prime = advance()
            guard plain, current.isCharacter("(") else {
                throw error(
                    "a prime is read only on a function applied to an argument, as in f'(z), or on a name, "
                        + "as in g_t'", at: location(of: prime))
            }
            let arguments = try parseArguments()
            guard arguments.count == 1 else {
                throw error("\(name)' takes one argument", at: arguments[1].location)
            }
            return try node(.prime(function: name, argument: arguments[0].value), at: at)
        }
        // Any other letter before parentheses is a factor of a juxtaposition (`W (a + b)`);
        // upright names (`\operatorname{relu}(z)`), `\exp`, `\log` … are applications too.
        if plain, current.isCharacter("("), isFunctionName || FunctionLetters.all.contains(name) {
            return try node(.call(name: name, arguments: parseArguments()), at: at)
        }
        // `f_t(θ_{t-1})`: the objective at step t, applied to its argument.
        if layer == nil, step != nil, power == nil, current.isCharacter("("), FunctionLetters.all.contains(name) {
            return try node(.call(name: name, arguments: parseArguments()), at: at)
        }
        var read = try node(.symbol(symbol), at: at)
        if let power {
            read = try node(.binary(.power, read, power, operatorLocation: power.location), at: at)
        }
        guard let transpose else { return read }
        return try node(.transpose(read), at: at, spelling: transpose)
    }

    /// The letters that take a bare layer superscript (`w^l`, `b^l`, `a^{l-1}`,
    /// `z^L`, `\delta^l`); any other letter's superscript is a power.
    static let layerLetters: Set<String> = ["w", "W", "b", "a", "z", "δ"]

    /// Whether the `^` ahead opens a script over `l`, `L` and whole numbers only,
    /// starting with one of them: `^l`, `^L`, `^2`, `^{l-1}`, `^{l+1}`. `^{-1}`,
    /// `^T` and `^n` are not layers.
    private func isBareLayerScript() -> Bool {
        func isLayerAtom(_ token: LaTeXToken) -> Bool {
            if token.kind == .letter("l") || token.kind == .letter("L") { return true }
            if case .number = token.kind { return true }
            return false
        }
        let first = peek()
        if case .number(let digits) = first.kind { return digits.count == 1 }
        if isLayerAtom(first) { return true }
        guard first.isCharacter("{"), let close = matchingBraceOffset(from: 1), close > 2, isLayerAtom(peek(2)) else {
            return false
        }
        for offset in 2..<close {
            let token = peek(offset)
            if !(isLayerAtom(token) || token.isCharacter("+") || token.isCharacter("-")) { return false }
        }
        return true
    }

    /// The tokens of `^*` or `^{*}`, or nil.
    /// `^{max}`, `^{\max}`, `^{\text{max}}`, `^{\mathrm{min}}`: a label that names a
    /// value of its own, never a power of m·a·x. The label and the tokens it takes.
    private func labelSuperscript() -> (String, Int)? {
        guard peek().isCharacter("{") else { return nil }
        for label in ["max", "min"] {
            if peek(2).isCommand(label), peek(3).isCharacter("}") { return (label, 4) }
            let letters = label.unicodeScalars.map { LaTeXToken.Kind.letter($0) }
            if (0..<3).allSatisfy({ peek(2 + $0).kind == letters[$0] }), peek(5).isCharacter("}") { return (label, 6) }
            if case let .command(style) = peek(2).kind, ["text", "mathrm", "textrm", "operatorname"].contains(style),
                peek(3).isCharacter("{"), (0..<3).allSatisfy({ peek(4 + $0).kind == letters[$0] }),
                peek(7).isCharacter("}"), peek(8).isCharacter("}")
            {
                return (label, 9)
            }
        }
        return nil
    }

    private func starLength() -> Int? {
        if peek().isCharacter("*") { return 2 }
        if peek().isCharacter("{"), peek(2).isCharacter("*"), peek(3).isCharacter("}") { return 4 }
        return nil
    }

    /// `^2` (or `^{2}`) directly followed by a subscript: the exponent, with the
    /// cursor at the `_`; nil, with the cursor unmoved, for any other superscript.
    private mutating func powerBeforeSubscript() throws(Diagnostic) -> Expr? {
        // Looked ahead by the tokens alone: parsing the script to find out would
        // parse nested superscripts again at every level.
        let scriptEnd: Int
        if peek().isCharacter("{") {
            guard let close = matchingBraceOffset(from: 1) else { return nil }
            scriptEnd = close
        } else {
            guard peek().isNumber || peek().isLetter, !isTransposeMark(peek()) else { return nil }
            scriptEnd = 1
        }
        guard peek(scriptEnd + 1).isCharacter("_") else { return nil }
        advance()
        return try parseScript()
    }

    /// `t`, `t+1`, `t-1` as an offset from t; nil for anything else.
    static func timeOffset(_ expression: Expr) -> Int? {
        func isT(_ e: Expr) -> Bool {
            if case let .symbol(s) = e.kind { return s.name == "t" && s.layer == nil && s.step == nil }
            return false
        }
        if isT(expression) { return 0 }
        guard case let .binary(op, left, right, _) = expression.kind, op == .add || op == .subtract, isT(left),
            case let .number(k) = right.kind, k == k.rounded(), k >= 1, k <= 9
        else { return nil }
        return op == .add ? Int(k) : -Int(k)
    }

    /// The styles a letter is written in that do not change which value it names.
    static let letterStyles: Set<String> = ["mathbf", "boldsymbol", "bm", "textbf", "mathit", "mathrm", "mathsf"]

    /// `\mathbf{x}`, `\boldsymbol{\theta}`, `\mathcal{L}`: one letter's symbol, in
    /// whatever style it is typeset (`\mathcal{L}` is ℒ, the loss); a longer name
    /// (`\mathrm{softmax}`) is an upright name, applied when an argument list follows.
    mutating func parseStyledLetter(_ style: String) throws(Diagnostic) -> Expr {
        let command = current
        let braced = peek().isCharacter("{")
        let letterToken = braced ? peek(2) : peek()
        guard let letter = letterName(letterToken), !braced || peek(3).isCharacter("}") else {
            return try parseUprightName()
        }
        advance()
        if braced { advance() }
        advance()
        if braced { advance() }
        let name = (style == "mathcal" || style == "mathscr") && letter == "L" ? "ℒ" : letter
        return try parseSymbol(base: name, startingAt: command)
    }

    /// `\hat{m}`, `\bar x`: one letter with its accent as a combining mark.
    mutating func parseAccented(_ accent: Accent) throws(Diagnostic) -> Expr {
        let command = advance()
        let braced = accept("{") != nil
        // `\hat{\mathbf{v}}_t` (d2l): the style of the accented letter is dropped, as everywhere.
        if braced, case let .command(style) = current.kind, Self.letterStyles.contains(style), peek().isCharacter("{"),
            letterName(peek(2)) != nil, peek(3).isCharacter("}")
        {
            advance()
            advance()
            let letter = advance()
            advance()
            var name = letterName(letter)!
            name.unicodeScalars.append(accent.combiningMark)
            guard accept("}") != nil else {
                throw error(
                    "\(spelled(command)) takes one letter, as in \(spelled(command)){y}", at: location(of: command))
            }
            return try parseSymbol(base: name, startingAt: command)
        }
        guard let letter = letterName(current) else {
            throw error("\(spelled(command)) takes one letter, as in \(spelled(command)){y}", at: location(of: command))
        }
        advance()
        var name = letter
        name.unicodeScalars.append(accent.combiningMark)
        guard braced else { return try parseSymbol(base: name, startingAt: command) }
        // `\widehat{m_t}` (PyTorch) is `\hat{m}_t`: the accent's letter with its subscript.
        let inner = current.isCharacter("}") ? nil : try parseSymbol(base: name, startingAt: command)
        if accept("}") == nil {
            throw error("\(spelled(command)) takes one letter, as in \(spelled(command)){y}", at: location(of: command))
        }
        guard let inner else { return try parseSymbol(base: name, startingAt: command) }
        guard case var .symbol(symbol) = inner.kind, !current.isCharacter("_") else {
            throw error(
                "\(spelled(command)){…} takes one letter and its subscript, as in \(spelled(command)){m_t}",
                at: location(of: command))
        }
        // `\widehat{v_t}^{max}`: the label names a value of its own.
        if current.isCharacter("^"), let (label, length) = labelSuperscript() {
            for _ in 0..<length { advance() }
            symbol.name += "_" + label
            symbol.latex = source.text(command.range.lowerBound..<consumedEnd)
            return try node(.symbol(symbol), at: inner.location)
        }
        return inner
    }

    /// `\operatorname{relu}`, `\mathrm{softmax}`, `\mathbf{x}`: a name of several
    /// letters, applied when an argument list follows.
    mutating func parseUprightName() throws(Diagnostic) -> Expr {
        let command = advance()
        guard let text = try parseBracedText(after: command) else {
            throw error("\(spelled(command)) needs a name in {…}", at: location(of: command))
        }
        return try parseSymbol(base: text, startingAt: command, isFunctionName: true)
    }

    /// The text of `{…}` after `\text` and its kin, spaces inside kept as `_`;
    /// nil when no braces follow or they are empty.
    mutating func parseBracedText(after command: LaTeXToken) throws(Diagnostic) -> String? {
        guard current.isCharacter("{") else { return nil }
        let opening = advance()
        while !current.isCharacter("}") {
            switch current.kind {
            case .letter, .number, .character("-"):
                advance()
            case .end:
                try close("}", opening: opening)
            default:
                throw error("\(spelled(command)){…} holds letters and digits only", at: location(of: current))
            }
        }
        let text = source.text(opening.range.upperBound..<current.range.lowerBound)
            .split(whereSeparator: \.isWhitespace).joined(separator: "_")
        advance()
        return text.isEmpty ? nil : text
    }

    /// The Unicode name of a letter token or Greek letter command.
    private func letterName(_ token: LaTeXToken) -> String? {
        switch token.kind {
        case .letter(let letter): return String(letter)
        case .command(let name): return GreekLetter.letter(forCommand: name).map(String.init)
        default: return nil
        }
    }

    /// A subscript read as part of a name, or as a time step.
    enum NameSubscript {
        case name(String)
        case step(Int)
    }

    /// `_t`, `_{t+1}`, `_{t-1}` are steps; `_1`, `_{ij}`, `_{\text{new}}`, `_\theta`
    /// join the name.
    private mutating func parseNameSubscript() throws(Diagnostic) -> NameSubscript {
        guard let opening = accept("{") else {
            let token = current
            if case .number(let digits) = token.kind, digits.count > 1 {
                throw error("a subscript without braces is one character: write _{\(digits)}", at: location(of: token))
            }
            if token.kind == .letter("t") {
                advance()
                return .step(0)
            }
            return .name(try nameFragment())
        }
        if let offset = stepOffset() {
            return .step(offset)
        }
        var fragment = ""
        while !current.isCharacter("}") {
            if current.kind == .end { try close("}", opening: opening) }
            // `g_{t, t-1}` (d2l: the gradient of step t at x_{t-1}): a name of its own.
            if let mark = [",", "-", "+"].first(where: { current.isCharacter($0) }), !fragment.isEmpty {
                advance()
                fragment.unicodeScalars.append(mark)
                continue
            }
            fragment += try nameFragment()
        }
        advance()
        if fragment.isEmpty {
            throw error("an empty subscript names nothing", at: location(of: opening))
        }
        return .name(fragment)
    }

    /// One piece of a subscripted name: a letter, digits, a Greek letter or `\text{…}`.
    private mutating func nameFragment() throws(Diagnostic) -> String {
        let token = current
        switch token.kind {
        case .letter(let letter):
            advance()
            return String(letter)
        case .number(let digits):
            advance()
            return digits
        case .command(let name) where GreekLetter.letter(forCommand: name) != nil:
            advance()
            return letterName(token) ?? name
        case .command("text"), .command("textrm"), .command("mathrm"), .command("operatorname"), .command("mathit"):
            advance()
            guard let text = try parseBracedText(after: token) else {
                throw error("\(spelled(token)) needs a name in {…}", at: location(of: token))
            }
            return text
        default:
            throw error(
                "a subscript joins the name: letters, digits, Greek letters or \\text{…}; found \(token.quoted)",
                at: location(of: token))
        }
    }

    /// `t}`, `t+1}`, `t-2}` after a subscript's `{`: the offset, consuming through `}`.
    private mutating func stepOffset() -> Int? {
        guard current.kind == .letter("t") else { return nil }
        if peek().isCharacter("}") {
            advance()
            advance()
            return 0
        }
        guard peek().isCharacter("+") || peek().isCharacter("-"), case .number(let digits) = peek(2).kind,
            let size = Int(digits), peek(3).isCharacter("}")
        else { return nil }
        let sign = peek().isCharacter("-") ? -1 : 1
        for _ in 0..<4 { advance() }
        return sign * size
    }

    /// `)` or `]` when a layer superscript follows: `^{(…)}`, `^{[…]}` or with a
    /// transpose mark, `^{[…]T}`. Any other superscript is a power or a transpose.
    private func layerClosing() -> Unicode.Scalar? {
        guard peek().isCharacter("{") else { return nil }
        let closing: Unicode.Scalar
        switch peek(2).kind {
        case .character("("): closing = ")"
        case .character("["): closing = "]"
        default: return nil
        }
        var depth = 0
        var offset = 2
        while true {
            let token = peek(offset)
            switch token.kind {
            case .end: return nil
            case .character("("), .character("["), .character("{"): depth += 1
            case .character(")"), .character("]"), .character("}"): depth -= 1
            default: break
            }
            if depth == 0 { break }
            offset += 1
        }
        guard peek(offset).isCharacter(closing) else { return nil }
        let after = peek(offset + 1)
        if after.isCharacter("}") { return closing }
        return isTransposeMark(after) && peek(offset + 2).isCharacter("}") ? closing : nil
    }
}
