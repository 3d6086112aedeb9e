@testable import Notation
import XCTest

private let origin = SourceLocation(file: "c.md", line: 5, column: 3)

/// The equations of `latex`, as `left = right`, failing the test on any diagnostic.
private func equations(_ latex: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
    let reading = readFormula(latex, at: origin)
    XCTAssertEqual(reading.diagnostics.map(\.description), [], latex, file: file, line: line)
    return reading.equations.map { "\($0.left) \($0.relation) \($0.right)" }
}

/// The right side of `x = latex` in prefix form.
private func tree(_ latex: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
    let reading = readFormula("x = " + latex, at: origin)
    XCTAssertEqual(reading.diagnostics.map(\.description), [], latex, file: file, line: line)
    return reading.equations.first?.right.prefixForm
}

/// The diagnostics of `latex`, as `line:column: message`.
private func errors(_ latex: String) -> [String] {
    readFormula(latex, at: origin).diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
}

final class LaTeXReaderTests: XCTestCase {
    func testGreekLettersNameThemselves() {
        XCTAssertEqual(tree(#"\eta \alpha \Sigma"#), "(\u{2062} (\u{2062} (symbol η) (symbol α)) (symbol Σ))")
        XCTAssertEqual(tree(#"\epsilon + \varepsilon"#), "(+ (symbol ε) (symbol ε))")
        XCTAssertEqual(tree("η"), "(symbol η)")
    }

    func testAccentsJoinTheLetterAndHaveASCIINames() {
        XCTAssertEqual(FormulaSymbol(name: "m\u{302}", latex: "").asciiName, "m_hat")
        XCTAssertEqual(FormulaSymbol(name: "β_1", latex: "").asciiName, "beta_1")
        XCTAssertEqual(FormulaSymbol(name: "x\u{304}", latex: "").asciiName, "x_bar")
        XCTAssertEqual(tree(#"\bar x + \tilde{\theta}"#), "(+ (symbol x\u{304}) (symbol θ\u{303}))")
        XCTAssertEqual(tree(#"\hat{y}"#), "(symbol \u{177})", "canonically equal to the precomposed ŷ")
    }

    func testSubscriptsJoinNamesAndTimeSubscriptsAreSteps() {
        XCTAssertEqual(tree("x_1 + w_{ij}"), "(+ (symbol x_1) (symbol w_ij))")
        XCTAssertEqual(
            tree(#"w_{\text{new}} + w_\mathrm{old} + a_{\theta}"#),
            "(+ (+ (symbol w_new) (symbol w_old)) (symbol a_θ))")
        XCTAssertEqual(
            tree("v_t + v_{t+1} + v_{t - 2}"),
            "(+ (+ (symbol v step: 0) (symbol v step: 1)) (symbol v step: -2))")
        XCTAssertEqual(tree(#"\hat{m}_t"#), "(symbol m\u{302} step: 0)")
        // d2l's g_{t,t-1}, g_t' and \hat{\mathbf{v}}_t; PyTorch's state\_sum_t and v_t^{max}.
        XCTAssertEqual(tree(#"\mathbf{g}_{t, t-1}"#), "(symbol g_t,t-1)")
        XCTAssertEqual(tree(#"\mathbf{g}_t'"#), "(symbol g′ step: 0)")
        XCTAssertEqual(tree(#"\hat{\mathbf{v}}_t"#), "(symbol v\u{302} step: 0)")
        XCTAssertEqual(tree(#"state\_sum_{t-1}"#), "(symbol state_sum step: -1)")
        XCTAssertEqual(
            tree(#"v_t^{max} + \widehat{v_t}^{\max} + x^{\text{min}}"#),
            "(+ (+ (symbol v_max step: 0) (symbol v\u{302}_max step: 0)) (symbol x_min))")
        // Escaped underscores join letters only: s \cdot t stays a product.
        XCTAssertEqual(tree(#"s t"#), "(\u{2062} (symbol s) (symbol t))")
    }

    func testLayerSuperscriptsAndPowers() {
        XCTAssertEqual(tree("W^{(l)}"), "(symbol W layer: (symbol l))")
        XCTAssertEqual(tree("a^{(0)}"), "(symbol a layer: 0)")
        // After a layer, i, j and k index entries (w^l_{jk}); other subscripts join the name.
        XCTAssertEqual(tree("W^{(l)}_{ij}"), "(symbol W layer: (symbol l) entry: i,j)")
        XCTAssertEqual(tree("W^{(l)}_{in}"), "(symbol W_in layer: (symbol l))")
        XCTAssertEqual(
            tree("x^2 + x^{n} + x^{-1}"),
            "(+ (+ (^ (symbol x) 2) (^ (symbol x) (symbol n))) (^ (symbol x) (neg 1)))")
        XCTAssertEqual(tree("x^t_1"), tree("x_1^t"), "LaTeX typesets both alike: the power of x_1")
        XCTAssertEqual(tree(#"\beta_1^t"#), "(^ (symbol β_1) (symbol t))")
        XCTAssertEqual(tree("(x + y)^{(2)}"), "(^ (+ (symbol x) (symbol y)) 2)", "only a symbol has a layer")
    }

    func testTransposes() {
        for latex in ["A^T", #"A^\top"#, "A^{T}", #"A^{\top}"#] {
            XCTAssertEqual(tree(latex), "(T (symbol A))", latex)
        }
        XCTAssertEqual(tree("(W^{(l+1)})^T"), "(T (symbol W layer: (+ (symbol l) 1)))")
        XCTAssertEqual(tree(#"a^{[l-1]\top}"#), "(T (symbol a layer: (- (symbol l) 1)))")
    }

    func testOperatorsKeepTheirSpelling() throws {
        for command in [#"\cdot"#, #"\odot"#, #"\circ"#, #"\times"#, "*"] {
            let reading = readFormula("x = a \(command) b", at: origin)
            let right = try XCTUnwrap(reading.equations.first?.right)
            XCTAssertEqual(right.prefixForm, "(* (symbol a) (symbol b))", command)
            XCTAssertEqual(right.spelling, command)
        }
        XCTAssertEqual(readFormula(#"x = \dfrac{a}{b}"#, at: origin).equations.first?.right.spelling, #"\dfrac"#)
    }

    func testJuxtapositionBindsLikeAProduct() {
        XCTAssertEqual(tree("W x + b"), "(+ (\u{2062} (symbol W) (symbol x)) (symbol b))")
        XCTAssertEqual(tree("-2x^2"), "(\u{2062} (neg 2) (^ (symbol x) 2))")
        XCTAssertEqual(tree(#"a \cdot b c"#), "(\u{2062} (* (symbol a) (symbol b)) (symbol c))")
    }

    func testApplicationsAndProducts() {
        XCTAssertEqual(tree(#"\sigma(z) + g(x, y)"#), "(+ (σ (symbol z)) (g (symbol x) (symbol y)))")
        XCTAssertEqual(tree(#"\{a + b\} c"#), "(\u{2062} (+ (symbol a) (symbol b)) (symbol c))")
        XCTAssertEqual(tree("W (a + b)"), "(\u{2062} (symbol W) (+ (symbol a) (symbol b)))")
        XCTAssertEqual(
            tree(#"\exp(x) + \log x + \ln(y) + \sqrt{z}"#),
            "(+ (+ (+ (exp (symbol x)) (log (symbol x))) (log (symbol y))) (sqrt (symbol z)))")
        XCTAssertEqual(
            tree(#"\operatorname{relu}(z) + \mathrm{softmax}(z)"#),
            "(+ (relu (symbol z)) (softmax (symbol z)))")
        XCTAssertEqual(tree(#"\sigma'(z)"#), "(σ' (symbol z))")
        XCTAssertEqual(
            tree(#"-\frac{1}{N} \sum_{i} y \log a_2"#),
            "(\u{2062} (neg (/ 1 (symbol N))) (sum (\u{2062} (symbol y) (log (symbol a_2))) index: (symbol i)))")
    }

    func testDerivatives() {
        XCTAssertEqual(tree(#"\frac{\partial C}{\partial z^{(l)}}"#), "(∂ (symbol C) (symbol z layer: (symbol l)))")
        XCTAssertEqual(tree(#"\nabla_{W} C"#), "(∂ (symbol C) (symbol W))")
        XCTAssertEqual(tree(#"\nabla_\theta J(\theta_t)"#), "(∂ (J (symbol θ step: 0)) (symbol θ))")
        XCTAssertEqual(tree(#"\nabla L(\theta)"#), "(∂ (L (symbol θ)) (symbol θ))")
    }

    func testEquationSeparators() {
        XCTAssertEqual(equations(#"a = b \\ c = d"#), ["a = b", "c = d"])
        XCTAssertEqual(equations(#"a = b, \quad c = d."#), ["a = b", "c = d"])
        XCTAssertEqual(equations(#"a = b \qquad c = d"#), ["a = b", "c = d"])
        XCTAssertEqual(equations(#"a = g(b, c)"#), ["a = g(b, c)"])
        XCTAssertEqual(equations(#"\begin{align*} a &= b \\[4pt] c &= d \end{align*}"#), ["a = b", "c = d"])
        XCTAssertEqual(equations(#"a \approx \left[ b \right]"#), ["a ≈ b"])
        XCTAssertEqual(equations(#"a = \bigl( b \bigr) \, \; \! ~ c % a comment"#), ["a = b c"])
    }

    func testLocationsFollowTheFormulasLines() throws {
        let reading = readFormula("a = b \\\\\n  c =\n d + \\frac{e}{f}", at: origin)
        XCTAssertEqual(reading.diagnostics, [])
        let first = try XCTUnwrap(reading.equations.first)
        XCTAssertEqual(first.right.location, SourceLocation(file: "c.md", line: 5, column: 7))
        let second = try XCTUnwrap(reading.equations.last)
        XCTAssertEqual(second.location, SourceLocation(file: "c.md", line: 6, column: 3))
        guard case .binary(.add, let d, let fraction, let plus) = second.right.kind else { return XCTFail() }
        XCTAssertEqual(d.location, SourceLocation(file: "c.md", line: 7, column: 2))
        XCTAssertEqual(plus.column, 4)
        XCTAssertEqual(fraction.location.column, 6)
        XCTAssertEqual(second.source, "c =\n d + \\frac{e}{f}")
    }

    func testCommandsOutsideTheSubsetAreLocated() {
        XCTAssertEqual(errors(#"a = \int x"#), [#"5:7: \int is not in the formula subset tutor reads"#])
        XCTAssertEqual(errors(#"a = \frac{1}2"#), [#"5:7: \frac needs two arguments {…}{…}"#])
        XCTAssertEqual(errors("a = b \\\\\n c = {d + e"), ["6:6: unbalanced '{' opened at 6:6"])
        XCTAssertEqual(
            errors(#"a = \begin{pmatrix} 1 \end{pmatrix}"#),
            [#"5:7: \begin{pmatrix} is not in the formula subset tutor reads"#])
        XCTAssertEqual(
            errors(#"\begin{aligned} a = b \end{split}"#),
            [#"5:25: \end{split} does not close \begin{aligned} opened at 5:3"#])
        XCTAssertEqual(
            errors(#"a := b = c"#), [#"5:10: a definition or an update is not chained: write it on a line of its own"#])
        XCTAssertEqual(
            errors("a + b"), ["5:8: expected '=': a checked formula is an equation, found the end of the equation"])
        XCTAssertEqual(
            errors("a = x_t^2'"), ["5:12: a prime is read only on a function applied to an argument, as in f'(z)"])
        XCTAssertEqual(
            errors(#"a = \frac{\partial^2 C}{\partial x^2}"#),
            [#"5:21: higher derivatives (\partial^2) are not in the formula subset tutor reads"#])
        XCTAssertEqual(
            readFormula(#"a = \nabla C"#, at: origin).diagnostics.map(\.location),
            [SourceLocation(file: "c.md", line: 5, column: 7)], "at the \\nabla without a subscript")
        XCTAssertEqual(errors("a = x_12"), ["5:9: a subscript without braces is one character: write _{12}"])
        XCTAssertEqual(errors(""), ["5:3: the formula has no equation to check"])
        XCTAssertEqual(errors(#"\end{aligned}"#), [#"5:3: \end{aligned} without a \begin{aligned}"#])
        XCTAssertEqual(errors(#"\begin{aligned} a = b"#), [#"5:3: \begin{aligned} is never closed by \end{aligned}"#])
    }

    /// A diagnostic quotes its chapter line when the formula holds all of it.
    func testDiagnosticsQuoteWholeLines() {
        let second = readFormula("a = b \\\\\n c = \\int d", at: origin).diagnostics
        XCTAssertEqual(second.map(\.sourceLine), [" c = \\int d"])
        XCTAssertEqual(second.first?.rendered.hasSuffix("\n c = \\int d\n     ^"), true)
        let first = readFormula("a = \\int b", at: origin).diagnostics
        XCTAssertEqual(first.map(\.sourceLine), [nil], "the first line starts after the $$")
    }

    func testAFailingEquationKeepsTheOthers() {
        let reading = readFormula(#"a = b \\ c = \int d \\ e = f"#, at: origin)
        XCTAssertEqual(reading.equations.map(\.source), ["a = b", "e = f"])
        XCTAssertEqual(reading.diagnostics.count, 1)
    }

    /// Each `\begin` looks only at the tokens that could name its environment.
    func testManyBeginsWithoutNames() {
        let reading = readFormula(String(repeating: #"\begin{"#, count: 10_000), at: origin)
        XCTAssertEqual(reading.equations, [])
        XCTAssertEqual(reading.diagnostics.count, 10_001)
        XCTAssertEqual(
            reading.diagnostics.filter { $0.message == #"\begin needs an environment name in {…}"# }.count,
            10_000)
        XCTAssertEqual(reading.diagnostics.last?.location, SourceLocation(file: "c.md", line: 5, column: 3 + 7 * 9_999))
        let rows = readFormula(String(repeating: #"\\[)"#, count: 10_000), at: origin)
        XCTAssertEqual(rows.diagnostics.count, 10_000)
        XCTAssertEqual(rows.equations.count, 0)
    }

    /// Every diagnostic on a long line shares one copy of the line.
    func testManyDiagnosticsOnALongLine() {
        let latex = String(repeating: #"\end{a}"#, count: 80_000 / 7)
        let reading = readFormula(latex, at: SourceLocation(file: "c.md", line: 5, column: 1))
        XCTAssertEqual(reading.equations, [])
        XCTAssertEqual(reading.diagnostics.count, 80_000 / 7)
        XCTAssertEqual(reading.diagnostics.first?.message, #"\end{a} without a \begin{a}"#)
        XCTAssertEqual(reading.diagnostics.last?.location.column, 1 + 7 * (80_000 / 7 - 1))
        XCTAssertEqual(reading.diagnostics.first?.sourceLine, latex)
        XCTAssertEqual(reading.diagnostics.last?.sourceLine, latex)
    }

    func testHostileInputIsRefusedWithoutACrash() {
        let deep = "a = " + String(repeating: "{", count: 10_000) + "x" + String(repeating: "}", count: 10_000)
        XCTAssertEqual(readFormula(deep, at: origin).diagnostics.map(\.message), ["formula nested more than 200 deep"])
        let long = "a = " + String(repeating: "x ", count: 5_000)
        XCTAssertEqual(
            readFormula(long, at: origin).diagnostics.map(\.message),
            ["expression nested more than 1000 levels deep"])
        let minuses = "a = " + String(repeating: "-", count: 5_000) + "x"
        XCTAssertEqual(
            readFormula(minuses, at: origin).diagnostics.map(\.message),
            ["expression nested more than 1000 levels deep"])
        for nested in [
            String(repeating: #"\sqrt{"#, count: 5_000), String(repeating: "x^{", count: 5_000),
            String(repeating: #"\sum "#, count: 5_000) + "x", String(repeating: "W^{(", count: 5_000),
        ] {
            XCTAssertEqual(
                readFormula("a = " + nested, at: origin).diagnostics.map(\.message),
                ["formula nested more than 200 deep"], String(nested.prefix(8)))
        }
        let endOfEquation = "expected an expression, found the end of the equation"
        for (garbage, expected) in [
            ("}", ["5:3: expected an expression, found '}'"]),
            ("\\", ["5:3: \\ is not in the formula subset tutor reads"]),
            ("^", ["5:3: expected an expression, found '^'"]),
            ("_", ["5:3: expected an expression, found '_'"]),
            ("a = {", ["5:8: " + endOfEquation]),
            ("a = x^", ["5:9: expected a script: one character, a Greek letter or {…}, found the end of the equation"]),
            ("= =", ["5:3: expected an expression, found '='"]),
            ("\\end{", ["5:3: \\end needs an environment name in {…}", "5:8: " + endOfEquation]),
            ("\\frac{\\partial", ["5:17: " + endOfEquation]),
            ("&&\\\\\\\\", ["5:3: the formula has no equation to check"]),
            ("a = (]", ["5:8: expected an expression, found ']'"]),
        ] {
            XCTAssertEqual(readFormula(garbage, at: origin).equations, [], garbage)
            XCTAssertEqual(errors(garbage), expected, garbage)
        }
    }
}
