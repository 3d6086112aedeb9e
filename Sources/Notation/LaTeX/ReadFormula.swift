/// Reads a display formula's LaTeX into equations over the expression tree.
///
/// `location` is where the formula's first character is in the chapter; every node
/// and diagnostic is located through the formula's own line breaks. An equation
/// that does not read gives one diagnostic and no equation; the others still read.
public func readFormula(_ latex: String, at location: SourceLocation) -> FormulaReading {
    let source = FormulaSource(latex, at: location)
    let (segments, splitting) = EquationSplitter.split(LaTeXLexer.tokens(source.scalars), in: source)
    var equations: [Equation] = []
    var diagnostics = splitting
    let box = AlgorithmBox.read(segments, in: source)
    diagnostics += box.diagnostics
    var equationCounts: [Int] = []
    for (segment, line) in zip(segments, box.lines) {
        guard case let .equation(conditions) = line else {
            equationCounts.append(0)
            continue
        }
        var parser = FormulaParser(tokens: segment.tokens, source: source)
        do {
            let read = try parser.parseEquations()
            equations += read.map { equation in
                var governed = equation
                governed.conditions = conditions
                return governed
            }
            equationCounts.append(read.count)
        } catch {
            diagnostics.append(error)
            equationCounts.append(0)
        }
    }
    if segments.isEmpty, diagnostics.isEmpty {
        diagnostics.append(Diagnostic("the formula has no equation to check", at: location))
    }
    diagnostics.sort { $0.location < $1.location }
    var reading = FormulaReading(equations: equations, diagnostics: diagnostics)
    if AlgorithmBox.isBox(box.lines) {
        reading.rows = AlgorithmBox.rows(segments, lines: box.lines, equationCounts: equationCounts, in: source)
    }
    return reading
}

/// Reads a formula that need not be an equation (inline math such as `$x^2$`):
/// the expression, or the diagnostic that says why it does not read.
public func readMathExpression(_ latex: String, at location: SourceLocation) -> Result<Expr, Diagnostic> {
    let source = FormulaSource(latex, at: location)
    let (segments, splitting) = EquationSplitter.split(LaTeXLexer.tokens(source.scalars), in: source)
    if let first = splitting.first { return .failure(first) }
    guard segments.count == 1 else {
        return .failure(Diagnostic("expected one expression", at: location))
    }
    var parser = FormulaParser(tokens: segments[0].tokens, source: source)
    do {
        return .success(try parser.parseWholeExpression())
    } catch {
        return .failure(error)
    }
}
