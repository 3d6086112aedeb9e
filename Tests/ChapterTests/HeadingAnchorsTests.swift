import Chapter
import XCTest

final class HeadingAnchorsTests: XCTestCase {
    private func anchors(_ markdown: String) -> [String] {
        readChapter(markdown).document.headings.map(\.anchor)
    }

    func testSlugs() {
        XCTAssertEqual(anchors("# The Chain Rule, again!\n\n## `grad(L, W)` in 2D\n\n## ???\n"),
                       ["the-chain-rule-again", "gradl-w-in-2d", "section"])
    }

    func testRepeatsSkipTakenSuffixes() {
        XCTAssertEqual(anchors("# A\n\n# A 1\n\n# A\n\n# A\n"), ["a", "a-1", "a-2", "a-3"])
    }

    func testHeadingLevelsAndLocations() {
        let headings = readChapter("Setext\n======\n\n> ### Quoted\n").document.headings
        XCTAssertEqual(headings.map(\.level), [1, 3])
        XCTAssertEqual(headings.map(\.text), ["Setext", "Quoted"])
        XCTAssertEqual(headings.map(\.location), [location(1, 1), location(4, 3)])
    }
}
