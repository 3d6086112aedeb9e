import Chapter
import Notation
import XCTest

final class ProseHTMLRendererTests: XCTestCase {
    private func html(_ markdown: String) -> [String] {
        readChapter(markdown).document.blocks.compactMap(\.prose).map { prose in
            ProseHTMLRenderer.html(for: prose) { math in
                "<math display=\"\(math.isDisplayStyle ? "block" : "inline")\">\(math.latex)</math>"
            }
        }
    }

    func testMathIsReplacedUntouchedByCmark() {
        XCTAssertEqual(
            html("Both $a*b*c$ and $\\{x\\} \\\\ y$, with *emphasis*.\n"),
            [
                "<p>Both <math display=\"inline\">a*b*c</math> and "
                    + "<math display=\"inline\">\\{x\\} \\\\ y</math>, with <em>emphasis</em>.</p>\n"
            ])
    }

    func testInlineDisplayStyleAndCodeSpans() {
        XCTAssertEqual(
            html("See $$x$$ but `$y$`.\n"),
            ["<p>See <math display=\"block\">x</math> but <code>$y$</code>.</p>\n"])
    }

    func testRawHTMLIsNotPassedThrough() {
        let output = html("<script>alert(1)</script>\n\nText <b>bold</b> $x$.\n").joined()
        XCTAssertFalse(output.contains("<script>"))
        XCTAssertFalse(output.contains("<b>"))
        XCTAssertTrue(output.contains("<math display=\"inline\">x</math>"))
    }

    func testHeadingsGetDeduplicatedAnchorsAcrossTheChapter() {
        let markdown = "# Chain rule\n\n## Example\n\n```tutor\nx\n```\n\n## Example\n\n### Chain Rule!\n"
        XCTAssertEqual(
            html(markdown),
            [
                "<h1 id=\"chain-rule\">Chain rule</h1>\n<h2 id=\"example\">Example</h2>\n",
                "<h2 id=\"example-1\">Example</h2>\n<h3 id=\"chain-rule-1\">Chain Rule!</h3>\n",
            ])
    }

    func testHeadingWithMath() {
        XCTAssertEqual(
            html("## Gradient of $w_1$\n"),
            ["<h2 id=\"gradient-of-w-1\">Gradient of <math display=\"inline\">w_1</math></h2>\n"])
    }

    func testTokenStemAvoidsTheProse() {
        XCTAssertEqual(
            html("tutormath0z and $x$\n"),
            ["<p>tutormath0z and <math display=\"inline\">x</math></p>\n"])
    }
}
