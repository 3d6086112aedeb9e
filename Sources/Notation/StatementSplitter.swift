/// Groups the lexed lines of a block into statements.
///
/// A statement ends with its line unless a `(` or `[` is still open, in which case
/// it continues onto the next line. So that one unclosed bracket does not swallow
/// the rest of the block, an open statement also ends before a line that can only
/// start a statement: a statement keyword followed by a name or number (`let x`,
/// `train 5`), which is never valid inside an expression.
enum StatementSplitter {
    /// One statement's tokens, ending with `.end`, and its text.
    struct Run {
        var tokens: [Token]
        /// The code of the statement's lines from its first token, without comments,
        /// trailing spaces or blank lines, joined with "\n".
        var text: String
    }

    static func split(_ source: SourceText, lines: [Lexer.Line]) -> [Run] {
        var runs: [Run] = []
        var tokens: [Token] = []
        var textLines: [String] = []
        var depth = 0

        func finish() {
            guard let last = tokens.last else { return }
            tokens.append(.end(after: last))
            let code = textLines.map { $0.trimmingTrailingWhitespace() }.filter { !$0.isEmpty }
            runs.append(Run(tokens: tokens, text: code.joined(separator: "\n")))
            tokens = []
            textLines = []
            depth = 0
        }

        for (offset, line) in lines.enumerated() {
            let lineNumber = source.firstLine + offset
            // A statement still being collected has an open bracket.
            if tokens.isEmpty || startsStatement(line.tokens) {
                finish()
                guard let first = line.tokens.first else { continue }
                textLines.append(source.text(line: lineNumber, columns: first.location.column..<line.codeEnd + 1))
            } else {
                textLines.append(source.text(line: lineNumber, columns: 1..<line.codeEnd + 1))
            }
            tokens += line.tokens
            for token in line.tokens {
                switch token.kind {
                case .symbol(.leftParenthesis), .symbol(.leftBracket): depth += 1
                case .symbol(.rightParenthesis), .symbol(.rightBracket): depth = max(0, depth - 1)
                default: break
                }
            }
            if depth == 0 { finish() }
        }
        finish()
        return runs
    }

    private static func startsStatement(_ tokens: [Token]) -> Bool {
        guard tokens.count >= 2, let word = tokens[0].name, StatementKeyword(rawValue: word) != nil
        else { return false }
        switch tokens[1].kind {
        case .name, .number: return true
        default: return false
        }
    }
}
