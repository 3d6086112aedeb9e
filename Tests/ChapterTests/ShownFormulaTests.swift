import Chapter
import Notation
import XCTest

/// `<!-- tutor: show -->` on the nearest line above a display formula marks it
/// shown, not checked.
final class ShownFormulaTests: XCTestCase {
    private func shown(_ markdown: String) -> [Bool] {
        readChapter(markdown).document.blocks.compactMap(\.displayMath).map(\.isShownUnchecked)
    }

    func testTheMarkOnTheNearestLineAboveThatIsNotBlank() {
        XCTAssertEqual(shown("Text.\n\n<!-- tutor: show -->\n$$\na = b\n$$\n\n$$\nc = d\n$$\n"), [true, false])
        XCTAssertEqual(shown("<!-- tutor: show -->\n\n\n$$ a = b $$\n"), [true])
        XCTAssertEqual(shown("  <!--tutor:show-->  \n$$ a = b $$\n"), [true])
        XCTAssertEqual(shown("<!-- tutor: show -->\nText between.\n\n$$ a = b $$\n"), [false])
        XCTAssertEqual(shown("<!-- tutor: check -->\n$$ a = b $$\n"), [false])
        XCTAssertEqual(shown("$$ a = b $$\n"), [false])
    }

    func testTheMarkStaysInTheProseAboveAndTheFormulaIsAsWritten() {
        let blocks = readChapter("Text.\n\n<!-- tutor: show -->\n$$\na = b\n$$\n").document.blocks
        XCTAssertEqual(blocks.count, 2)
        XCTAssertEqual(blocks[0].prose?.source, "Text.\n\n<!-- tutor: show -->")
        XCTAssertEqual(
            blocks[1].displayMath, DisplayMath(latex: "a = b", location: location(5, 1), isShownUnchecked: true))
    }
}
