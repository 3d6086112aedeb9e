import Chapter
import MathML
import Notation
@testable import Render
import XCTest
#if canImport(FoundationXML)
    import FoundationXML
#endif

private let here = SourceLocation(file: "c.md", line: 1, column: 1)

/// The MathML of a formula that must read without errors.
private func mathML(_ latex: String, display: Bool = true, file: StaticString = #filePath, line: UInt = #line) -> String
{
    let reading = readFormula(latex, at: here)
    XCTAssertEqual(reading.diagnostics.map(\.description), [], latex, file: file, line: line)
    return MathML.render(reading.equations, display: display)
}

/// The markup inside `<math>` for a one-equation formula.
private func body(_ latex: String, file: StaticString = #filePath, line: UInt = #line) -> String {
    let markup = mathML(latex, file: file, line: line)
    let open = #"<math display="block">"#
    XCTAssertTrue(markup.hasPrefix(open), file: file, line: line)
    return String(markup.dropFirst(open.count).dropLast("</math>".count))
}

final class MathMLTests: XCTestCase {
    func testADerivativeWithLayers() {
        XCTAssertEqual(
            body(#"\delta^{(l)} = \frac{\partial C}{\partial z^{(l)}}"#),
            "<mrow><msup><mi>δ</mi><mrow><mo>(</mo><mi>l</mi><mo>)</mo></mrow></msup><mo>=</mo>"
                + "<mfrac><mrow><mo>∂</mo><mi>C</mi></mrow><mrow><mo>∂</mo>"
                + "<msup><mi>z</mi><mrow><mo>(</mo><mi>l</mi><mo>)</mo></mrow></msup></mrow></mfrac></mrow>")
    }

    func testTransposesAsWritten() {
        XCTAssertEqual(
            body(#"y = a^{[l-1]T}"#),
            "<mrow><mi>y</mi><mo>=</mo><msup><mi>a</mi><mrow><mo>[</mo><mrow><mi>l</mi><mo>−</mo><mn>1</mn>"
                + #"</mrow><mo>]</mo><mi mathvariant="normal">T</mi></mrow></msup></mrow>"#)
        XCTAssertEqual(
            body(#"y = (a^{(l)})^\top"#),
            "<mrow><mi>y</mi><mo>=</mo><msup><mrow><mo>(</mo><msup><mi>a</mi><mrow><mo>(</mo><mi>l</mi>"
                + #"<mo>)</mo></mrow></msup><mo>)</mo></mrow><mi mathvariant="normal">⊤</mi></msup></mrow>"#)
    }

    func testOperatorsKeepTheirSpellingAndJuxtapositionIsInvisible() {
        XCTAssertEqual(
            body(#"y = a \odot b \cdot c \times d * e"#),
            "<mrow><mi>y</mi><mo>=</mo><mrow><mrow><mrow><mrow><mi>a</mi><mo>⊙</mo><mi>b</mi></mrow>"
                + "<mo>⋅</mo><mi>c</mi></mrow><mo>×</mo><mi>d</mi></mrow><mo>∗</mo><mi>e</mi></mrow></mrow>")
        XCTAssertEqual(
            body("y = W x"), "<mrow><mi>y</mi><mo>=</mo><mrow><mi>W</mi><mo>&#x2062;</mo><mi>x</mi></mrow></mrow>")
    }

    func testAnUpdateWithNablaAndSteps() {
        XCTAssertEqual(
            body(#"\theta_{t+1} = \theta_t - \eta \nabla_{\theta} J(\theta_t)"#),
            "<mrow><msub><mi>θ</mi><mrow><mi>t</mi><mo>+</mo><mn>1</mn></mrow></msub><mo>=</mo>"
                + "<mrow><msub><mi>θ</mi><mrow><mi>t</mi></mrow></msub><mo>−</mo><mrow><mi>η</mi>"
                + "<mo>&#x2062;</mo><mrow><msub><mo>∇</mo><mi>θ</mi></msub><mrow><mi>J</mi><mo>&#x2061;</mo>"
                + "<mrow><mo>(</mo><msub><mi>θ</mi><mrow><mi>t</mi></mrow></msub><mo>)</mo></mrow></mrow>"
                + "</mrow></mrow></mrow></mrow>")
    }

    func testAccentsPrimesAndRoots() {
        XCTAssertEqual(
            body(#"\hat{m}_t = \sqrt{x} \sigma'(z)"#),
            #"<mrow><msub><mover accent="true"><mi>m</mi><mo>ˆ</mo></mover><mrow><mi>t</mi></mrow></msub>"#
                + #"<mo>=</mo><mrow><msqrt><mi>x</mi></msqrt><mo>&#x2062;</mo><mrow><mi>σ</mi><mo lspace="0" rspace="0">′</mo>"#
                + "<mo>&#x2061;</mo><mrow><mo>(</mo><mi>z</mi><mo>)</mo></mrow></mrow></mrow></mrow>")
    }

    func testProseMathOutsideTheSubsetIsTypesetAsWritten() {
        XCTAssertEqual(
            LaTeXTypesetting.mathML(#"\partial a / \partial z"#, display: false),
            #"<math display="inline"><mrow><mo>∂</mo><mi>a</mi><mo lspace="0" rspace="0">/</mo>"#
                + "<mo>∂</mo><mi>z</mi></mrow></math>")
        XCTAssertEqual(
            LaTeXTypesetting.mathML(#"l = 1, \dots, L"#, display: false),
            #"<math display="inline"><mrow><mi>l</mi><mo>=</mo><mn>1</mn><mo>,</mo><mo>…</mo><mo>,</mo><mi>L</mi></mrow></math>"#
        )
        XCTAssertEqual(
            LaTeXTypesetting.mathML("50{,}890 = w^*", display: false),
            #"<math display="inline"><mrow><mn>50,890</mn><mo>=</mo><msup><mi>w</mi><mo>∗</mo></msup></mrow></math>"#)
        XCTAssertEqual(
            LaTeXTypesetting.mathML(#"f' = \frac{1}{2}"#, display: false),
            #"<math display="inline"><mrow><mrow><mi>f</mi><mo lspace="0" rspace="0">′</mo></mrow><mo>=</mo>"#
                + "<mfrac><mrow><mn>1</mn></mrow><mrow><mn>2</mn></mrow></mfrac></mrow></math>")
        // A command it does not know leaves the formula to be shown as source.
        XCTAssertNil(LaTeXTypesetting.mathML(#"\mathbb{R}^n"#, display: false))
        XCTAssertNil(LaTeXTypesetting.mathML("{x", display: false))
    }

    func testTheAuthorsParenthesesAreKept() {
        XCTAssertEqual(
            body(#"y = \left( (a + b) \right) c - (d - e)"#),
            "<mrow><mi>y</mi><mo>=</mo><mrow><mrow><mrow><mo>(</mo><mrow><mo>(</mo><mrow><mi>a</mi><mo>+</mo>"
                + "<mi>b</mi></mrow><mo>)</mo></mrow><mo>)</mo></mrow><mo>&#x2062;</mo><mi>c</mi></mrow><mo>−</mo>"
                + "<mrow><mo>(</mo><mrow><mi>d</mi><mo>−</mo><mi>e</mi></mrow><mo>)</mo></mrow></mrow></mrow>")
        // Brackets that group nothing the tree needs stay too; braces do not show.
        XCTAssertEqual(
            body(#"y = [a] + {b}"#),
            "<mrow><mi>y</mi><mo>=</mo><mrow><mrow><mo>[</mo><mi>a</mi><mo>]</mo></mrow><mo>+</mo><mi>b</mi></mrow></mrow>"
        )
    }

    func testParenthesesOfItsOwnOnlyWhereTheTreeNeedsThemAndNoneWereWritten() {
        XCTAssertEqual(
            body(#"y = 2 \sum_i x_i"#),
            "<mrow><mi>y</mi><mo>=</mo><mrow><mn>2</mn><mo>&#x2062;</mo><mrow><mo>(</mo><mrow><munder><mo>∑</mo>"
                + "<mi>i</mi></munder><msub><mi>x</mi><mrow><mi>i</mi></mrow></msub></mrow><mo>)</mo></mrow></mrow></mrow>"
        )
        XCTAssertEqual(
            body(#"y = a + b c"#),
            "<mrow><mi>y</mi><mo>=</mo><mrow><mi>a</mi><mo>+</mo><mrow><mi>b</mi><mo>&#x2062;</mo><mi>c</mi></mrow></mrow></mrow>"
        )
    }

    /// Every `(` of an article formula is drawn: layer brackets, arguments and grouping alike.
    func testNoArticleParenthesisIsLost() {
        for latex in Self.articleFormulas {
            let drawn = mathML(latex).components(separatedBy: "<mo>(</mo>").count - 1
            XCTAssertGreaterThanOrEqual(drawn, latex.filter { $0 == "(" }.count, latex)
        }
    }

    /// `\frac{\partial}{\partial z} (…)`: the operator stands before what it differentiates, as written.
    func testADerivativeOperatorBeforeItsOperand() {
        let markup = body(
            #"\frac{\partial}{\partial z_2}\Big(-\frac{1}{N}\sum y \log a_2\Big) = -\frac{y\,(1 - a_2)}{N}"#)
        XCTAssertTrue(
            markup.hasPrefix(
                "<mrow><mrow><mfrac><mo>∂</mo><mrow><mo>∂</mo><msub><mi>z</mi><mrow><mi>2</mi></mrow>"
                    + "</msub></mrow></mfrac><mrow><mo>(</mo><mrow><mrow><mo>−</mo>"), markup)
        XCTAssertEqual(
            body(#"y = \frac{d}{dx} x"#),
            "<mrow><mi>y</mi><mo>=</mo><mrow><mfrac><mi>d</mi><mrow><mi>d</mi><mi>x</mi></mrow></mfrac>"
                + "<mi>x</mi></mrow></mrow>")
    }

    /// Inline math nested 20,000 deep is shown as source, with where reading
    /// stopped, instead of typesetting recursing through the stack.
    func testDeeplyNestedInlineMathIsShownAsSourceWithItsPlace() {
        let depth = 20_000
        let latex = String(repeating: "\\frac{1}{", count: depth) + "x" + String(repeating: "}", count: depth)
        let html = FormulaHTML.inline(
            InlineMath(
                latex: latex, location: SourceLocation(file: "c.md", line: 3, column: 9),
                isDisplayStyle: false, sourceRange: 0..<latex.utf8.count))
        XCTAssertTrue(
            html.hasPrefix(
                #"<code class="math source" title="shown as written: neither read nor typeset by tutor (line 3, column "#
            ),
            String(html.prefix(300)))
        XCTAssertTrue(html.contains("nested more than 200 deep)"), String(html.prefix(300)))
        let display = FormulaHTML.display(DisplayMath(latex: "y = " + latex, location: here))
        XCTAssertTrue(display.hasPrefix(#"<div class="formula source">"#))
    }

    /// A display formula tutor does not read is typeset as written if it can be,
    /// else shown as source with the line and column where reading stopped.
    func testADisplayFormulaOutsideTheSubset() {
        let typeset = FormulaHTML.display(DisplayMath(latex: #"\Big( a \Big) \to b"#, location: here))
        XCTAssertTrue(typeset.hasPrefix(#"<div class="formula"><math display="block">"#), typeset)
        let source = FormulaHTML.display(DisplayMath(latex: #"\mathbb{R}^n = x"#, location: here))
        XCTAssertTrue(source.contains(#"<div class="formula source"><code>\mathbb{R}^n = x</code>"#), source)
        XCTAssertTrue(source.contains("(line 1, column 1: \\mathbb is not in the formula subset tutor reads)"), source)
    }

    func testSeveralEquationsAlignAtTheirRelation() {
        XCTAssertEqual(
            mathML(#"a = b \\ c = d"#, display: false),
            #"<math display="inline">"#
                + #"<mtable class="equations" columnalign="right left" columnspacing="0">"#
                + "<mtr><mtd><mi>a</mi></mtd><mtd><mrow><mo>=</mo><mi>b</mi></mrow></mtd></mtr>"
                + "<mtr><mtd><mi>c</mi></mtd><mtd><mrow><mo>=</mo><mi>d</mi></mrow></mtd></mtr></mtable></math>")
    }

    func testTheNamespaceIsNamedOnlyWhenAsked() {
        let reading = readFormula("a = b", at: here)
        let row = "<mrow><mi>a</mi><mo>=</mo><mi>b</mi></mrow>"
        XCTAssertEqual(MathML.render(reading.equations, display: true), #"<math display="block">"# + row + "</math>")
        XCTAssertEqual(
            MathML.render(reading.equations, display: false, namespace: true),
            #"<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline">"# + row + "</math>")
    }

    func testReservedCharactersAreEscaped() {
        let name = Expr(.name("a<b&c"), at: here)
        XCTAssertEqual(MathML.render(name), "<mi>a&lt;b&amp;c</mi>")
    }

    /// Every formula of the articles gives well-formed XML, the same on every run.
    func testEveryArticleFormulaIsWellFormed() {
        for latex in Self.articleFormulas {
            let markup = mathML(latex)
            XCTAssertEqual(markup, mathML(latex))
            let parser = XMLParser(data: Data(markup.utf8))
            XCTAssertTrue(parser.parse(), "\(latex): \(String(describing: parser.parserError))\n\(markup)")
        }
        let all = Self.articleFormulas.joined(separator: #" \\ "#)
        XCTAssertTrue(XMLParser(data: Data(mathML(all).utf8)).parse())
    }

    static let articleFormulas = [
        #"\delta^{(l)} = \frac{\partial C}{\partial z^{(l)}}"#,
        #"\delta^{(L)} = \frac{\partial C}{\partial a^{(L)}} \cdot \frac{\partial a^{(L)}}{\partial z^{(L)}}"#,
        #"\delta^{(l)} = \left( (W^{(l+1)})^T \delta^{(l+1)} \right) \cdot \frac{\partial a^{(l)}}{\partial z^{(l)}}"#,
        #"\frac{\partial C}{\partial W^{(l)}} = \delta^{(l)} (a^{(l-1)})^T"#,
        #"\frac{\partial C}{\partial b^{(l)}} = \delta^{(l)}"#,
        #"\theta = \theta - \eta \frac{\partial C}{\partial \theta}"#,
        #"z^{[l]} = W^{[l]} a^{[l-1]} + b^{[l]}"#,
        #"a^{[l]} = f(z^{[l]})"#,
        #"\delta^{[l]} = \frac{\partial L}{\partial z^{[l]}}"#,
        #"\delta^{[l]} = (W^{[l+1]T} \delta^{[l+1]}) * f'(z^{[l]})"#,
        #"\frac{\partial L}{\partial W^{[l]}} = \delta^{[l]} a^{[l-1]T}"#,
        #"\frac{\partial L}{\partial b^{[l]}} = \delta^{[l]}"#,
        #"\theta = \theta - \alpha \frac{\partial L}{\partial \theta}"#,
        #"h = f(Wx + b)"#,
        #"L = \frac{1}{2}(y - h)^2"#,
        #"\frac{\partial L}{\partial W} = \frac{\partial L}{\partial h} \frac{\partial h}{\partial W}"#,
        #"\frac{\partial L}{\partial h} = h - y"#,
        #"\frac{\partial h}{\partial W} = x"#,
        #"\frac{\partial L}{\partial W} = (h - y) x"#,
        #"\nabla L(\theta) = 0"#,
        #"\theta_{t+1} = \theta_t - \alpha \nabla L(\theta_t)"#,
        #"\delta_j = \frac{\partial L}{\partial z_j}"#,
        #"w_{ij} = w_{ij} - \alpha \delta_j x_{ji}"#,
        #"L(y, \hat{y}) = \frac{1}{2}(y - \hat{y})^2"#,
        #"\delta = y - \hat{y}"#,
        #"\frac{\partial L}{\partial w} = \delta x"#,
        #"w_{new} = w_{old} - \alpha \frac{\partial L}{\partial w}"#,
        #"\theta_{t+1} = \theta_t - \eta \nabla_{\theta} J(\theta_t)"#,
        #"v_t = \gamma v_{t-1} + \eta \nabla_{\theta} J(\theta_t)"#,
        #"\theta_{t+1} = \theta_t - v_t"#,
        #"m_t = \beta_1 m_{t-1} + (1 - \beta_1) \nabla_{\theta} J(\theta_t)"#,
        #"v_t = \beta_2 v_{t-1} + (1 - \beta_2) (\nabla_{\theta} J(\theta_t))^2"#,
        #"\hat{m}_t = \frac{m_t}{1 - \beta_1^t}"#,
        #"\hat{v}_t = \frac{v_t}{1 - \beta_2^t}"#,
        #"\theta_{t+1} = \theta_t - \frac{\eta}{\sqrt{\hat{v}_t} + \epsilon} \hat{m}_t"#,
    ]
}
