import Chapter
import Notation
@testable import Render
import XCTest

/// An algorithm box is drawn as its author laid it out: its keyword rows in bold,
/// each `\textbf{if}` with its test, rows indented as written.
final class AlgorithmBoxRenderTests: XCTestCase {
    private func draw(_ latex: String) -> String {
        FormulaHTML.display(DisplayMath(latex: latex, location: SourceLocation(file: "01-box.md", line: 3, column: 1)))
    }

    func testKeywordRowsTestsAndIndentationAreDrawn() {
        let html = draw(
            #"""
            \begin{aligned}
            &\textbf{input} : \gamma \text{ (lr)}, \: \lambda \text{ (weight decay)} \\
            &\rule{110mm}{0.4pt} \\
            &\textbf{for} \: t=1 \: \textbf{to} \: \ldots \: \textbf{do} \\
            &\hspace{5mm}\textbf{if} \: \lambda \neq 0 \\
            &\hspace{10mm} g_t \leftarrow g_t + \lambda \theta_{t-1} \\
            &\hspace{5mm}\textbf{else} \\
            &\hspace{10mm} g_t \leftarrow g_t \\
            &\bf{return} \: \theta_t \\
            \end{aligned}
            """#)
        XCTAssertTrue(html.contains(#"<mtable class="algorithm" columnalign="left">"#), html)
        XCTAssertTrue(html.contains(#"<mtext class="keyword" mathvariant="bold">input</mtext>"#), html)
        XCTAssertTrue(html.contains(#"bold">input</mtext><mtext>: γ (lr), λ (weight decay)</mtext>"#), html)
        XCTAssertTrue(html.contains("t=1 to … do"), html)
        // The if's test is drawn from the tree tutor decides it by: λ ≠ 0.
        XCTAssertTrue(html.contains(#"bold">if</mtext><mspace width="0.5em"/><mi>λ</mi><mo>≠</mo><mn>0</mn>"#), html)
        XCTAssertTrue(html.contains(#"bold">else</mtext>"#), html)
        XCTAssertTrue(
            html.contains(
                #"bold">return</mtext><mspace width="0.5em"/><msub><mi>θ</mi><mrow><mi>t</mi></mrow></msub>"#), html)
        // 5 mm and 10 mm of indentation, as written.
        XCTAssertTrue(html.contains(#"<mspace width="1.2em"/><mtext class="keyword""#), html)
        XCTAssertTrue(html.contains(#"<mspace width="2.4em"/><msub>"#), html)
    }

    func testAFormulaWithoutKeywordsIsDrawnAsItsEquations() {
        let html = draw(#"\theta_t \leftarrow \theta_{t-1} - \gamma g_t"#)
        XCTAssertFalse(html.contains("algorithm"), html)
    }
}

/// A cases block is drawn with its brace and one row per case.
final class CasesRenderTests: XCTestCase {
    func testCasesAreDrawnAsABraceAndRows() {
        let html = FormulaHTML.display(
            DisplayMath(
                latex: #"r = \begin{cases} z & z > 0 \\ 0 & \text{otherwise} \end{cases}"#,
                location: SourceLocation(file: "01-cases.md", line: 3, column: 1)))
        XCTAssertTrue(
            html.contains(
                #"<mo>{</mo><mtable class="cases" columnalign="left left"><mtr><mtd><mi>z</mi></mtd><mtd><mrow><mi>z</mi><mo>&gt;</mo><mn>0</mn></mrow></mtd></mtr><mtr><mtd><mn>0</mn></mtd><mtd><mtext>otherwise</mtext></mtd></mtr></mtable>"#
            ), html)
    }
}

/// A display formula tutor does not read is typeset as written where it can be,
/// and says that it was not checked, and why.
final class UnreadFormulaRenderTests: XCTestCase {
    func testAnUnreadFormulaIsTypesetAndMarkedNotChecked() {
        let html = FormulaHTML.display(
            DisplayMath(
                latex: #"\int_0^1 x \, dx = \frac{1}{2}"#,
                location: SourceLocation(file: "01-int.md", line: 3, column: 1)))
        XCTAssertTrue(html.hasPrefix(#"<div class="formula"><math display="block">"#), html)
        XCTAssertTrue(html.contains("<mo>∫</mo>"), html)
        XCTAssertTrue(
            html.contains(
                #"<p class="note">typeset as written, not read, so not checked (line 3, column 1: \int is not in the formula subset tutor reads)</p>"#
            ), html)
    }
}
