/// The statements of one ```tutor block and every error found in it.
public struct DirectiveBlock: Hashable, Sendable {
    /// The statements that parsed, in order.
    public var statements: [Statement]
    /// One diagnostic per statement that did not parse, in order.
    public var diagnostics: [Diagnostic]

    public init(statements: [Statement] = [], diagnostics: [Diagnostic] = []) {
        self.statements = statements
        self.diagnostics = diagnostics
    }
}

/// Parses the content of a ```tutor block whose first content line is line
/// `firstLine` of `file`.
///
/// Never fails as a whole: a statement with an error is left out, its error is
/// recorded, and parsing resumes with the next statement, so a block with three
/// bad lines reports three errors.
public func parseDirectives(_ source: String, file: String, firstLine: Int) -> DirectiveBlock {
    let text = SourceText(source, file: file, firstLine: firstLine)
    var block = DirectiveBlock()
    for run in StatementSplitter.split(text, lines: text.lexedLines()) {
        var parser = Parser(tokens: run.tokens, source: text)
        do {
            let kind = try parser.parseStatement()
            block.statements.append(Statement(kind, at: run.tokens[0].location, source: run.text))
        } catch {
            block.diagnostics.append(error)
        }
    }
    return block
}
