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
    for segment in segments {
        var parser = FormulaParser(tokens: segment, source: source)
        do {
            equations.append(try parser.parseEquation())
        } catch {
            diagnostics.append(error)
        }
    }
    if segments.isEmpty, diagnostics.isEmpty {
        diagnostics.append(Diagnostic("the formula has no equation to check", at: location))
    }
    diagnostics.sort { $0.location < $1.location }
    return FormulaReading(equations: equations, diagnostics: diagnostics)
}
