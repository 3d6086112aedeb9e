import Chapter
import Notation
import XCTest

final class InlineMathTests: XCTestCase {
    private func inlineMath(_ markdown: String) -> [InlineMath] {
        readChapter(markdown).document.blocks.compactMap(\.prose).flatMap(\.inlineMath)
    }

    func testSpanTextLocationAndRange() {
        let math = inlineMath("The loss $L = \\frac{1}{2}(y - \\hat{y})^2$ falls.\n")
        XCTAssertEqual(
            math,
            [
                InlineMath(
                    latex: "L = \\frac{1}{2}(y - \\hat{y})^2",
                    location: location(1, 11), isDisplayStyle: false,
                    sourceRange: 9..<41)
            ])
    }

    func testEmphasisCharactersAndEscapesSurvive() {
        XCTAssertEqual(
            inlineMath("Take $a*b*c$ and $\\{x\\}_i \\\\ y$.\n").map(\.latex),
            ["a*b*c", "\\{x\\}_i \\\\ y"])
    }

    func testCodeSpanIsNotMath() {
        XCTAssertEqual(inlineMath("Write `$x$` or ``a $y$ `b` `` but $z$.\n").map(\.latex), ["z"])
    }

    func testDollarInCodeBlocksIsNotMath() {
        let blocks = readChapter("```sh\necho $HOME $x$\n```\n\n- list\n\n      echo $y$\n").document.blocks
        XCTAssertEqual(blocks[0].code?.text, "echo $HOME $x$\n")
        XCTAssertEqual(blocks.compactMap(\.prose).flatMap(\.inlineMath), [])
    }

    func testEscapedDollarIsLiteral() {
        XCTAssertEqual(inlineMath("It costs \\$5, not $x$.\n").map(\.latex), ["x"])
        XCTAssertEqual(inlineMath("Between \\$x\\$ only.\n"), [])
    }

    func testPricesAreNotMath() {
        XCTAssertEqual(inlineMath("From $5 to $10 and $ 3 $.\n"), [])
        XCTAssertEqual(inlineMath("From $ 5 to $x$.\n").map(\.latex), ["x"])
    }

    /// Each span's column is counted on from the one before, not from the line's start.
    func testManySpansOnOneLongLine() {
        let math = inlineMath(String(repeating: "$a$ ", count: 20_000) + "\n")
        XCTAssertEqual(math.count, 20_000)
        XCTAssertEqual(math.last?.location, location(1, 4 * 19_999 + 2))
        XCTAssertEqual(math.last?.sourceRange, 4 * 19_999..<4 * 19_999 + 3)
        XCTAssertEqual(
            inlineMath("é $a$ ü $b$\nö $c$\n").map(\.location),
            [location(1, 4), location(1, 10), location(2, 4)])
    }

    /// An unclosed `$` is looked for once per paragraph, not once per `$`.
    func testManyUnclosedDollars() {
        XCTAssertEqual(inlineMath(String(repeating: "$a ", count: 20_000) + "\n"), [])
        XCTAssertEqual(inlineMath(String(repeating: "$a ", count: 20_000) + "\\$b $5\n"), [])
        XCTAssertEqual(
            inlineMath(String(repeating: "$a ", count: 20_000) + "b$\n").first?.latex.count,
            3 * 20_000)
    }

    func testSpanAcrossASoftBreak() {
        let math = inlineMath("so $a +\nb$ holds\n")
        XCTAssertEqual(math.map(\.latex), ["a +\nb"])
    }

    func testMathInHeadingsListsAndQuotes() {
        let math = inlineMath("## About $w$\n\n- item $x_1$\n\n> quoted $y$\n")
        XCTAssertEqual(math.map(\.latex), ["w", "x_1", "y"])
        XCTAssertEqual(math.map(\.location), [location(1, 11), location(3, 9), location(5, 11)])
    }

    /// cmark ends a setext heading on the line after its underline.
    func testAdjacentSetextHeadingsGiveEachSpanOnce() {
        let prose = readChapter("$a$\n==\n$b$\n==\n").document.blocks[0].prose
        XCTAssertEqual(prose?.inlineMath.map(\.latex), ["a", "b"])
        XCTAssertEqual(prose?.headings.map(\.text), ["$a$", "$b$"])
    }
}
