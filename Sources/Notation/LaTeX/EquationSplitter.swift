/// Cuts a display formula's tokens into equations and drops what only lays them out.
///
/// Equations are separated by `\\`, by `\begin{…}`/`\end{…}`, and on one line by a
/// `,`, `;`, `\quad` or `\qquad` that follows a complete equation (`h = f(x), \quad
/// L = …`) outside any bracket. Alignment `&`, spacing (`\, \; \: \! ~ \quad`),
/// delimiter sizing (`\left`, `\bigl`, …) and `\nonumber` are dropped; a `,`, `;` or
/// `.` that ends an equation is punctuation.
///
/// Each piece remembers its row (rows are separated by `\\`) and the row's
/// indentation, the `\hspace{…}` it starts with: an algorithm box nests its
/// `\textbf{if}` bodies by indentation (see `AlgorithmBox`).
enum EquationSplitter {
    /// One equation's tokens, the row it is on, and that row's indentation in mm.
    struct Segment {
        var tokens: [LaTeXToken]
        var row: Int
        var indent: Double
    }

    /// The environments whose rows are equations; any other is reported.
    static let environments: Set<String> = [
        "aligned", "aligned*", "align", "align*", "split", "gathered", "gather", "gather*",
        "equation", "equation*",
    ]

    private static let layoutCommands: Set<String> = [
        ",", ";", ":", "!", " ", ">", "displaystyle", "textstyle", "nonumber", "notag",
        "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr",
        "biggl", "biggr", "Biggl", "Biggr",
    ]

    static func split(_ tokens: [LaTeXToken], in source: FormulaSource)
        -> (equations: [Segment], diagnostics: [Diagnostic])
    {
        var splitting = Splitting(tokens: tokens, source: source)
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            index = splitting.apply(splitting.action(for: token, after: index + 1), to: token, at: index)
        }
        splitting.finishEquation()
        for (name, token) in splitting.open.reversed() {
            splitting.report("\\begin{\(name)} is never closed by \\end{\(name)}", at: token)
        }
        return (splitting.equations, splitting.diagnostics)
    }

    /// What one token does to the equations, and where reading goes on.
    private enum Action {
        /// Part of the equation being read.
        case keep
        /// The tokens from this one up to `end` are part of the equation, as they are:
        /// a `cases` block, or an environment left for the parser to report.
        case keepThrough(end: Int, resume: Int)
        /// Only lays the equation out.
        case drop(resume: Int)
        /// Ends the equation being read; the row goes on.
        case endEquation(resume: Int)
        /// Ends the equation and the row: `\\`.
        case endRow(resume: Int)
        /// `\hspace{…}` before anything on its row: the row's indentation grows.
        case indent(Double, resume: Int)
        /// `\begin{aligned}` or `\end{aligned}`: ends the equation and the row.
        case begin(String, resume: Int)
        case end(String, resume: Int)
        /// A mistake in the layout, reported; the token is dropped.
        case refuse(String)
    }

    /// The equations read so far and the one being read.
    private struct Splitting {
        let tokens: [LaTeXToken]
        let source: FormulaSource
        var equations: [Segment] = []
        var diagnostics: [Diagnostic] = []
        /// The equation being read, how deep in brackets, and whether it has its relation yet.
        var current: [LaTeXToken] = []
        var depth = 0
        var hasRelation = false
        var row = 0
        var indent = 0.0
        /// Whether an equation has been finished on this row (an `\hspace` after it is no indentation).
        var rowHasContent = false
        /// The environments begun and not yet ended, innermost last.
        var open: [(name: String, token: LaTeXToken)] = []

        /// What `token` does, given what has been read before it; `next` is the index after it.
        func action(for token: LaTeXToken, after next: Int) -> Action {
            switch token.kind {
            case .command("begin"), .command("end"):
                let isBegin = token.isCommand("begin")
                guard let (name, after) = environmentName(tokens, from: next, in: source) else {
                    return .refuse("\\\(isBegin ? "begin" : "end") needs an environment name in {…}")
                }
                if isBegin, name == "cases" {
                    // A piecewise value inside an equation: its rows and `&` are the parser's.
                    let end = skippingEnvironment(name, tokens, from: after, in: source)
                    return .keepThrough(end: end, resume: end)
                }
                if isBegin, !environments.contains(name) {
                    // Left in the equation for the parser to report, its body skipped.
                    return .keepThrough(end: after, resume: skippingEnvironment(name, tokens, from: after, in: source))
                }
                return isBegin ? .begin(name, resume: after) : .end(name, resume: after)
            case .command("\\") where depth == 0:
                return .endRow(resume: skippingSpacingArgument(tokens, from: next))
            case .command("hspace") where current.isEmpty && !rowHasContent:
                return .indent(
                    millimetres(tokens, from: next, in: source) ?? 0,
                    resume: skippingArguments(1, tokens, from: next))
            case .command(let name) where layoutWithArguments[name] != nil:
                return .drop(resume: skippingArguments(layoutWithArguments[name]!, tokens, from: next))
            case .command(let name) where layoutCommands.contains(name):
                // `\left.` opens with no delimiter: the dot goes too.
                let dotted = (name == "left" || name == "right") && next < tokens.count && tokens[next].isCharacter(".")
                return .drop(resume: dotted ? next + 1 : next)
            case .character("&"), .character("~"):
                return .drop(resume: next)
            case .command(let name)
            where ["text", "textrm", "mbox"].contains(name) && depth == 0 && hasRelation
                && isConjunction(tokens, from: next):
                // `a = b \text{ and } c = d` (d2l): the word joins two equations.
                return .endEquation(resume: skippingArguments(1, tokens, from: next))
            case .command("quad"), .command("qquad"), .character(","), .character(";"):
                if depth == 0, hasRelation, let last = current.last, !isRelation(last) {
                    return .endEquation(resume: next)
                }
                if case .character = token.kind { return .keep }
                return .drop(resume: next)
            default:
                return .keep
            }
        }

        /// Does what `action` says of the token at `index`; the index to read on from.
        mutating func apply(_ action: Action, to token: LaTeXToken, at index: Int) -> Int {
            switch action {
            case .keep:
                if depth == 0, isRelation(token) { hasRelation = true }
                depth = max(0, depth + nestingChange(token))
                current.append(token)
                return index + 1
            case let .keepThrough(end, resume):
                current += tokens[index..<end]
                return resume
            case let .drop(resume):
                return resume
            case let .endEquation(resume):
                finishEquation()
                return resume
            case let .endRow(resume):
                finishRow()
                return resume
            case let .indent(width, resume):
                indent += width
                return resume
            case let .begin(name, resume):
                finishRow()
                open.append((name, token))
                return resume
            case let .end(name, resume):
                finishRow()
                if let opening = open.popLast() {
                    if opening.name != name {
                        let place = source.location(at: opening.token.range.lowerBound)
                        report(
                            "\\end{\(name)} does not close \\begin{\(opening.name)} opened at \(place.line):\(place.column)",
                            at: token)
                    }
                } else {
                    report("\\end{\(name)} without a \\begin{\(name)}", at: token)
                }
                return resume
            case let .refuse(message):
                report(message, at: token)
                return index + 1
            }
        }

        /// Ends the equation being read; a `,`, `;` or `.` that ends it is punctuation.
        mutating func finishEquation() {
            while let last = current.last, [",", ";", "."].contains(where: { last.isCharacter($0) }) {
                current.removeLast()
            }
            if !current.isEmpty {
                equations.append(Segment(tokens: current, row: row, indent: indent))
                rowHasContent = true
            }
            current = []
            depth = 0
            hasRelation = false
        }

        mutating func finishRow() {
            finishEquation()
            row += 1
            indent = 0
            rowHasContent = false
        }

        mutating func report(_ message: String, at token: LaTeXToken) {
            let location = source.location(at: token.range.lowerBound)
            diagnostics.append(Diagnostic(message, at: location, sourceLine: source.chapterLine(at: location)))
        }
    }

    static let relationCommands: Set<String> = ["approx", "leftarrow", "gets", "coloneqq", "equiv", "triangleq"]

    private static func isRelation(_ token: LaTeXToken) -> Bool {
        if token.isCharacter("=") { return true }
        if case let .command(name) = token.kind { return relationCommands.contains(name) }
        return false
    }

    /// Commands that only number, label or space an equation, with how many
    /// braced arguments each takes: `\tag{3}`, `\label{eq:adam}`, `\hspace{5mm}`.
    private static let layoutWithArguments: [String: Int] = [
        "tag": 1, "label": 1, "hspace": 1, "vspace": 1, "rule": 2, "phantom": 1, "hphantom": 1, "vphantom": 1,
    ]

    /// Whether the braced argument at `index` is a word that joins equations: `and`, `or`.
    private static func isConjunction(_ tokens: [LaTeXToken], from index: Int) -> Bool {
        guard index < tokens.count, tokens[index].isCharacter("{") else { return false }
        var word = ""
        var close = index + 1
        while close < tokens.count, case let .letter(letter) = tokens[close].kind {
            word.unicodeScalars.append(letter)
            close += 1
        }
        guard close < tokens.count, tokens[close].isCharacter("}") else { return false }
        return ["and", "or"].contains(word.lowercased())
    }

    /// The length in `\hspace{5mm}`, in millimetres (`pt`, `em`, `cm`, `in`
    /// converted), or nil when it is not a plain length.
    private static func millimetres(_ tokens: [LaTeXToken], from index: Int, in source: FormulaSource) -> Double? {
        var index = index
        if index < tokens.count, tokens[index].isCharacter("*") { index += 1 }
        guard index + 2 < tokens.count, tokens[index].isCharacter("{"),
            case let .number(digits) = tokens[index + 1].kind, let value = Double(digits)
        else { return nil }
        var unit = ""
        var close = index + 2
        while close < tokens.count, case let .letter(letter) = tokens[close].kind {
            unit.unicodeScalars.append(letter)
            close += 1
        }
        let perUnit: [String: Double] = ["mm": 1, "cm": 10, "in": 25.4, "pt": 0.3515, "em": 3.9, "ex": 1.7]
        return perUnit[unit].map { value * $0 }
    }

    /// The index after a layout command's `*` and braced arguments.
    private static func skippingArguments(_ count: Int, _ tokens: [LaTeXToken], from index: Int) -> Int {
        var index = index
        if index < tokens.count, tokens[index].isCharacter("*") { index += 1 }
        for _ in 0..<count {
            guard index < tokens.count, tokens[index].isCharacter("{") else { return index }
            var depth = 0
            while index < tokens.count {
                if tokens[index].isCharacter("{") { depth += 1 }
                if tokens[index].isCharacter("}") { depth -= 1 }
                index += 1
                if depth == 0 { break }
            }
        }
        return index
    }

    private static func nestingChange(_ token: LaTeXToken) -> Int {
        switch token.kind {
        case .character("{"), .character("("), .character("["), .command("{"): return 1
        case .character("}"), .character(")"), .character("]"), .command("}"): return -1
        default: return 0
        }
    }

    /// `{aligned}` after `\begin`: the name and the index after the `}`.
    private static func environmentName(
        _ tokens: [LaTeXToken], from index: Int,
        in source: FormulaSource
    ) -> (String, Int)? {
        guard index < tokens.count, tokens[index].isCharacter("{") else { return nil }
        // Only letters and `*` make a name: the search stops at anything else.
        var close = index + 1
        while close < tokens.count, tokens[close].isCharacter("*") || tokens[close].isLetter { close += 1 }
        guard close < tokens.count, tokens[close].isCharacter("}") else { return nil }
        let name = source.text(tokens[index].range.upperBound..<tokens[close].range.lowerBound)
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "*" }) else {
            return nil
        }
        return (name, close + 1)
    }

    /// The index after the `\\end{name}` that closes an environment whose body
    /// starts at `index`, or the end of the tokens.
    private static func skippingEnvironment(
        _ name: String, _ tokens: [LaTeXToken], from index: Int,
        in source: FormulaSource
    ) -> Int {
        var depth = 1
        var index = index
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            guard token.isCommand("begin") || token.isCommand("end"),
                let (inner, next) = environmentName(tokens, from: index, in: source), inner == name
            else { continue }
            depth += token.isCommand("begin") ? 1 : -1
            index = next
            if depth == 0 { break }
        }
        return index
    }

    /// `\\[4pt]` sets the space before the next row; the bracket is not an equation.
    private static func skippingSpacingArgument(_ tokens: [LaTeXToken], from index: Int) -> Int {
        guard index < tokens.count, tokens[index].isCharacter("[") else { return index }
        // A length is a signed number and a unit (`4pt`, `-1.ex`): the search stops at anything else.
        var close = index + 1
        while close < tokens.count,
            tokens[close].isLetter || tokens[close].isNumber
                || tokens[close].isCharacter("-") || tokens[close].isCharacter("+") || tokens[close].isCharacter(".")
        {
            close += 1
        }
        let isLength = close > index + 1 && close < tokens.count && tokens[close].isCharacter("]")
        return isLength ? close + 1 : index
    }
}
