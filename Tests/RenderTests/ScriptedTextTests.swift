import Foundation
@testable import Render
import Runner
import XCTest

/// Verdict sentences name symbols typeset, with raised and lowered scripts, not as TeX source.
final class ScriptedTextTests: XCTestCase {
    func testLayerAndStepScriptsAreRaisedAndLowered() {
        XCTAssertEqual(
            ScriptedText.html("defines δ^{(l)} for every layer l; nothing compared"),
            "defines δ<sup>(l)</sup> for every layer l; nothing compared")
        XCTAssertEqual(ScriptedText.html("∂L/∂θ_{t} by autodiff"), "∂L/∂θ<sub>t</sub> by autodiff")
        XCTAssertEqual(ScriptedText.html("W_{1}^{[l+1]} < b"), "W<sub>1</sub><sup>[l+1]</sup> &lt; b")
        XCTAssertEqual(ScriptedText.html("x^{a_{i}}"), "x<sup>a<sub>i</sub></sup>")
    }

    func testNamesAndUnclosedBracesStayAsWritten() {
        XCTAssertEqual(ScriptedText.html("L_claimed = 0.03"), "L_claimed = 0.03")
        XCTAssertEqual(ScriptedText.html("x^{a + b"), "x^{a + b")
        XCTAssertEqual(ScriptedText.html("a}^{b"), "a}^{b")
    }

    func testMarkdownEscapesTheTextAndKeepsTheTags() {
        XCTAssertEqual(ScriptedText.markdown("δ^{(l)} of L_claimed"), "δ<sup>(l)</sup> of L\\_claimed")
    }

    /// A sentence quoting 100,000 open scripts: linear, and no deeper than a few levels.
    func testDeepScriptsStayText() {
        let deep = String(repeating: "x^{", count: 100_000) + String(repeating: "}", count: 100_000)
        let html = ScriptedText.html(deep)
        XCTAssertEqual(html.components(separatedBy: "<sup>").count - 1, 8)
        XCTAssertTrue(html.hasSuffix("}</sup></sup></sup></sup></sup></sup></sup></sup>"))
    }

    /// On the pages of a chapter, a definition's verdict names δ with its layer raised.
    func testPagesTypesetTheSymbolsOfVerdicts() throws {
        let folder = try RenderFixture.temporaryFolder("scripted", for: self)
        let file = folder + "/01-delta.md"
        try """
        # Delta

        ```tutor
        seed 0
        let x = rand(5, 2)
        let y = rand(5, 1)
        model net = dense(2, 3, sigmoid) >> dense(3, 1)
        loss C = mse(net(x), y)
        ```

        $$\\delta^{(l)} = \\frac{\\partial C}{\\partial z^{(l)}}$$

        ```tutor
        check formula
        ```

        """.write(toFile: file, atomically: true, encoding: .utf8)
        let chapter = ChapterRunner(bookRoot: folder).run(path: file, displayPath: "01-delta.md")
        let html = HTMLPage(chapter).render()
        XCTAssertTrue(html.contains("defines δ<sup>(l)</sup> for every layer l"), html)
        XCTAssertFalse(html.contains("δ^{(l)}"))
        let markdown = MarkdownPage(chapter).render().files[0].contents
        XCTAssertTrue(markdown.contains("defines δ<sup>(l)</sup> for every layer l"), markdown)
    }
}
