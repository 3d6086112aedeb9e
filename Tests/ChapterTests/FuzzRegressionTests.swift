import Chapter
import Notation
import XCTest

/// Inputs that `Fuzz/` found breaking the rendering of prose, kept as they were minimised.
final class ChapterFuzzRegressionTests: XCTestCase {
    private func html(_ markdown: String) -> String {
        readChapter(markdown).document.blocks.compactMap(\.prose).map { prose in
            ProseHTMLRenderer.html(for: prose) { math in "<math>\(math.latex)</math>" }
        }.joined()
    }

    /// A combining mark after a formula joined the token's last letter into one
    /// character, so the token was shown instead of the formula.
    func testCombiningMarkAfterMath() {
        XCTAssertEqual(html("$x$\u{301} and $y$\n"), "<p><math>x</math>\u{301} and <math>y</math></p>\n")
    }

    /// A heading whose text opens with a combining mark lost its anchor, and the
    /// next heading took it.
    func testCombiningMarkOpeningAHeading() {
        XCTAssertEqual(
            html("# \u{301}a\n\n## b\n"),
            "<h1 id=\"a\">\u{301}a</h1>\n<h2 id=\"b\">b</h2>\n")
    }

    /// Dollars in a link's destination or an image's description are not math:
    /// markup put there broke the tag.
    func testMathInsideATagStaysAsWritten() {
        XCTAssertEqual(
            html("[link]($x$) ![$y$\"](a.png)\n"),
            "<p><a href=\"$x$\">link</a> <img src=\"a.png\" alt=\"$y$&quot;\" /></p>\n")
    }

    /// A formula inside a link reference definition vanishes with the definition,
    /// and the formulas after it still render.
    func testMathInALinkReferenceDefinition() {
        let markdown = "[d\n]:\n $z+$.\n$z$ $w$\n"
        XCTAssertEqual(readChapter(markdown).document.blocks.first?.prose?.inlineMath.count, 3)
        XCTAssertEqual(html(markdown), "<p><math>z</math> <math>w</math></p>\n")
    }
}
