/// Reads the rows of an algorithm box as PyTorch's optimizer documentation and
/// papers typeset them: which rows are equations, and which `\textbf{if}` tests
/// each one is governed by.
///
/// - A row that starts with a bold keyword is structure, not an equation:
///   `\textbf{input}`, `\textbf{initialize}` (and the rows that continue them up to
///   the next keyword or an empty row such as `\rule{…}{…}`), `\textbf{for} … \textbf{do}`,
///   `\textbf{return}`.
/// - `\textbf{if} test` governs the rows indented further than it
///   (`\hspace{10mm}` under `\hspace{5mm}`); `\textbf{else}` at the if's indentation
///   governs the rows after it with the test negated. An `if` that governs no row is
///   reported: its rows would otherwise be read unconditionally.
enum AlgorithmBox {
    enum Line: Equatable {
        case equation([AlgorithmCondition])
        /// A keyword row or what continues one: nothing to check. An `\textbf{if}`
        /// or `\textbf{else if}` row keeps its test as read, to be drawn.
        case structure(test: AlgorithmCondition?)

        var isStructure: Bool {
            if case .structure = self { return true }
            return false
        }
    }

    /// Whether any row is structure: the formula is an algorithm box, drawn row by row.
    static func isBox(_ lines: [Line]) -> Bool { lines.contains(where: \.isStructure) }

    /// The rows of a box as they are drawn: structure with its keyword, its test and
    /// the rest as text, equation rows by the equations they hold, each indented.
    static func rows(
        _ segments: [EquationSplitter.Segment], lines: [Line], equationCounts: [Int],
        in source: FormulaSource
    ) -> [FormulaRow] {
        var rows: [FormulaRow] = []
        var next = 0
        var start = 0
        while start < segments.count {
            var end = start
            while end < segments.count, segments[end].row == segments[start].row { end += 1 }
            defer { start = end }
            let count = (start..<end).map { equationCounts[$0] }.reduce(0, +)
            let indent = segments[start].indent
            guard case let .structure(test) = lines[start] else {
                if count > 0 { rows.append(FormulaRow(kind: .equations(Array(next..<(next + count))), indent: indent)) }
                next += count
                continue
            }
            let tokens = (start..<end).flatMap { segments[$0].tokens }
            if let (_, word, after) = leadingKeyword(tokens, in: source) {
                let rest = Array(tokens[after...])
                let isBranch = ["if", "elseif", "elif"].contains(word)
                var parser = FormulaParser(tokens: rest, source: source)
                let expression = isBranch || rest.isEmpty ? nil : try? parser.parseWholeExpression()
                rows.append(
                    FormulaRow(
                        kind: .keyword(
                            word == "elif" ? "elseif" : word, test: test, expression: expression,
                            text: displayText(rest, in: source)),
                        indent: indent))
            } else {
                rows.append(FormulaRow(kind: .text(displayText(tokens, in: source)), indent: indent))
            }
        }
        return rows
    }

    /// A structure row's LaTeX as plain text: Greek letters and arrows as Unicode,
    /// `\text{…}` and its kin as their words, digit subscripts lowered, spacing as spaces.
    static func displayText(_ tokens: [LaTeXToken], in source: FormulaSource) -> String {
        let symbols: [String: String] = [
            "leftarrow": "←", "gets": "←", "ldots": "…", "dots": "…", "cdots": "⋯", "neq": "≠", "ne": "≠",
            "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "in": "∈", "infty": "∞", "nabla": "∇", "_": "_",
        ]
        let subscripts: [Character: Character] = [
            "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅",
            "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        ]
        var text = ""
        var lowering = false
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            // `\text{ (first moment)}`: the words as written, spaces kept.
            if case let .command(name) = token.kind,
                ["text", "textit", "textrm", "textbf", "mathrm", "mathit"].contains(name),
                index < tokens.count, tokens[index].isCharacter("{"),
                let close = tokens[index...].firstIndex(where: { $0.isCharacter("}") })
            {
                let words = source.text(tokens[index].range.upperBound..<tokens[close].range.lowerBound)
                // A bold word inside a row is a keyword (`\textbf{to}`, `\textbf{do}`): spaced apart.
                let keyword = name == "textbf"
                if !text.isEmpty, text.last != " ", words.first == " " || keyword { text += " " }
                text += words.split(separator: " ").joined(separator: " ")
                if words.last == " " || keyword { text += " " }
                index = close + 1
                lowering = false
                continue
            }
            switch token.kind {
            case let .letter(letter): text.unicodeScalars.append(letter)
            case let .number(digits):
                text += lowering ? String(digits.map { subscripts[$0] ?? $0 }) : digits
            case .character("_"): lowering = true; continue
            case .character("{"), .character("}"): continue
            case let .character(c):
                // Layout commands are gone by now: a comma or a colon is followed by a space.
                if c == "," || c == ")" || c == ":" { while text.last == " " { text.removeLast() } }
                text.unicodeScalars.append(c)
                if c == "," || c == ":" { text += " " }
            case let .command(name):
                if let greek = GreekLetter.glyph(forCommand: name) {
                    text.unicodeScalars.append(greek)
                } else if let symbol = symbols[name] {
                    text += symbol
                } else if [":", ",", ";", " ", "quad", "qquad"].contains(name), let last = text.last,
                    last != " ", last != "("
                {
                    text += " "
                }
            case .end: break
            }
            lowering = false
        }
        return text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    static let headerKeywords: Set<String> = [
        "input", "inputs", "initialize", "initialise", "init", "require", "ensure", "output", "given",
    ]
    static let structureKeywords: Set<String> = [
        "for", "while", "do", "end", "endfor", "endwhile", "endif", "repeat", "until", "return", "loop",
    ]
    static let branchKeywords: Set<String> = ["if", "elseif", "elif", "else"]

    /// An `if` or `else` and the rows it governs so far.
    private struct Branch {
        var indent: Double
        /// Earlier branches' tests negated, then this branch's own (none for `else`).
        var tests: [AlgorithmCondition]
        var keyword: LaTeXToken
        var isElse: Bool
        var governs = false
    }

    static func read(_ segments: [EquationSplitter.Segment], in source: FormulaSource)
        -> (lines: [Line], diagnostics: [Diagnostic])
    {
        var lines = [Line](repeating: .equation([]), count: segments.count)
        var diagnostics: [Diagnostic] = []
        var open: [Branch] = []
        var inHeader = false
        var previousRow = -1

        func report(_ message: String, at token: LaTeXToken) {
            let location = source.location(at: token.range.lowerBound)
            diagnostics.append(Diagnostic(message, at: location, sourceLine: source.chapterLine(at: location)))
        }
        func close(while shouldClose: (Branch) -> Bool) {
            while let last = open.last, shouldClose(last) {
                open.removeLast()
                if !last.governs {
                    report(
                        "this \\textbf{\(last.isElse ? "else" : "if")} governs no row: indent the rows it governs "
                            + "further than it (\\hspace{…})", at: last.keyword)
                }
            }
        }

        var start = 0
        while start < segments.count {
            let row = segments[start].row
            var end = start
            while end < segments.count, segments[end].row == row { end += 1 }
            defer { start = end }
            let indent = segments[start].indent
            // An empty row between (a `\rule`) ends what a header row began.
            if row != previousRow + 1 { inHeader = false }
            previousRow = row

            guard let (keyword, word, after) = leadingKeyword(segments[start].tokens, in: source) else {
                if inHeader {
                    for k in start..<end { lines[k] = .structure(test: nil) }
                    continue
                }
                close { $0.indent >= indent }
                for k in open.indices { open[k].governs = true }
                let conditions = open.flatMap(\.tests)
                for k in start..<end { lines[k] = .equation(conditions) }
                continue
            }
            for k in start..<end { lines[k] = .structure(test: nil) }
            if headerKeywords.contains(word) {
                inHeader = true
                continue
            }
            inHeader = false
            guard branchKeywords.contains(word) else { continue }
            let rest = Array(segments[start].tokens[after...]) + segments[(start + 1)..<end].flatMap(\.tokens)
            if word == "if" {
                close { $0.indent >= indent }
                for k in open.indices { open[k].governs = true }
                do {
                    let test = try condition(rest, after: keyword, in: source)
                    for k in start..<end { lines[k] = .structure(test: test) }
                    open.append(Branch(indent: indent, tests: [test], keyword: keyword, isElse: false))
                } catch {
                    diagnostics.append(error)
                }
                continue
            }
            close { $0.indent > indent }
            guard var branch = open.last, branch.indent == indent, !branch.isElse else {
                report(
                    "\\textbf{\(word == "else" ? "else" : "else if")} without an \\textbf{if} at the same indentation "
                        + "above it", at: keyword)
                continue
            }
            open.removeLast()
            if !branch.governs {
                report(
                    "this \\textbf{if} governs no row: indent the rows it governs further than it (\\hspace{…})",
                    at: branch.keyword)
            }
            if var last = branch.tests.popLast() {
                last.holds = false
                branch.tests.append(last)
            }
            branch.keyword = keyword
            branch.governs = false
            if word == "else" {
                branch.isElse = true
            } else {
                do {
                    let test = try condition(rest, after: keyword, in: source)
                    for k in start..<end { lines[k] = .structure(test: test) }
                    branch.tests.append(test)
                } catch {
                    diagnostics.append(error)
                    continue
                }
            }
            open.append(branch)
        }
        close { _ in true }
        return (lines, diagnostics)
    }

    /// `\textbf{for}` (also `\bf{…}`, `\mathbf{…}`) at the start of a row, when its
    /// word is an algorithm keyword: the command, the word and the index after it.
    /// A branch written in plain letters, as PyTorch's Adadelta box writes
    /// `if \: \lambda \neq 0`, is one too.
    private static func leadingKeyword(_ tokens: [LaTeXToken], in source: FormulaSource)
        -> (LaTeXToken, String, Int)?
    {
        if let plain = plainBranchKeyword(tokens) { return plain }
        guard let first = tokens.first, ["textbf", "bf", "mathbf"].contains(where: first.isCommand),
            tokens.count > 2, tokens[1].isCharacter("{")
        else { return nil }
        var word = ""
        var index = 2
        while index < tokens.count, case let .letter(letter) = tokens[index].kind {
            word.unicodeScalars.append(letter)
            index += 1
        }
        guard index < tokens.count, tokens[index].isCharacter("}") else { return nil }
        let keyword = word.lowercased()
        let known = headerKeywords.union(structureKeywords).union(branchKeywords)
        guard known.contains(keyword) else { return nil }
        return (first, keyword, index + 1)
    }

    /// `if` or `else` in plain letters at the start of a row, standing alone: at the
    /// row's end, before a colon, or apart from what follows (a space, or a `\:` the
    /// lexer has dropped). Written on (`if=1`, `iff`) the letters stay symbols.
    private static func plainBranchKeyword(_ tokens: [LaTeXToken]) -> (LaTeXToken, String, Int)? {
        var word = ""
        var index = 0
        while index < tokens.count, case let .letter(letter) = tokens[index].kind {
            word.unicodeScalars.append(letter)
            index += 1
        }
        guard word == "if" || word == "else", let first = tokens.first else { return nil }
        guard index < tokens.count else { return (first, word, index) }
        let next = tokens[index]
        let apart = next.range.lowerBound > tokens[index - 1].range.upperBound
        guard apart || next.kind == .end || next.isCharacter(":") else { return nil }
        return (first, word, index)
    }

    private static let relations: [LaTeXToken.Kind: String] = [
        .character("="): "=", .character("<"): "<", .character(">"): ">",
        .command("neq"): "≠", .command("ne"): "≠", .command("lt"): "<", .command("gt"): ">",
        .command("leq"): "≤", .command("le"): "≤", .command("leqslant"): "≤",
        .command("geq"): "≥", .command("ge"): "≥", .command("geqslant"): "≥",
    ]

    /// The test after `\textbf{if}`: a comparison, or the name of an option.
    private static func condition(
        _ tokens: [LaTeXToken], after keyword: LaTeXToken,
        in source: FormulaSource
    ) throws(Diagnostic) -> AlgorithmCondition {
        var tokens = tokens
        while let last = tokens.last, last.isCharacter(":") || last.isCharacter(".") || last.isCharacter(",") {
            tokens.removeLast()
        }
        func refusal(_ message: String, at token: LaTeXToken) -> Diagnostic {
            let location = source.location(at: token.range.lowerBound)
            return Diagnostic(message, at: location, sourceLine: source.chapterLine(at: location))
        }
        guard let first = tokens.first, let last = tokens.last else {
            throw refusal(
                "\\textbf{if} needs a test: a comparison (\\lambda \\neq 0) or an option (\\textit{nesterov})",
                at: keyword)
        }
        let location = source.location(at: first.range.lowerBound)
        let text = source.text(first.range.lowerBound..<last.range.upperBound)
        var depth = 0
        for (index, token) in tokens.enumerated() {
            if token.isCharacter("{") || token.isCharacter("(") { depth += 1 }
            if token.isCharacter("}") || token.isCharacter(")") { depth -= 1 }
            guard depth == 0, let relation = relations[token.kind] else { continue }
            var left = FormulaParser(tokens: Array(tokens[..<index]), source: source)
            var right = FormulaParser(tokens: Array(tokens[(index + 1)...]), source: source)
            guard index > 0, index + 1 < tokens.count else {
                throw refusal("a comparison needs a value on each side of \(token.quoted)", at: token)
            }
            let test = AlgorithmCondition.Test.comparison(
                try left.parseWholeExpression(), relation: relation,
                try right.parseWholeExpression())
            return AlgorithmCondition(test: test, holds: true, source: text, location: location)
        }
        // An option by name, bare (`amsgrad`) or styled (`\textit{nesterov}`).
        var name = ""
        for token in tokens {
            switch token.kind {
            case let .letter(letter): name.unicodeScalars.append(letter)
            case .character("_"): name += "_"
            case .character("{"), .character("}"): continue
            case let .command(command)
            where ["textit", "text", "mathit", "mathrm", "texttt", "textrm"].contains(command):
                continue
            default:
                throw refusal(
                    "an \\textbf{if} tests a comparison (\\lambda \\neq 0, t > 1) or an option that is on or "
                        + "off (\\textit{nesterov}); found \(token.quoted)", at: token)
            }
        }
        return AlgorithmCondition(test: .flag(name), holds: true, source: text, location: location)
    }
}
