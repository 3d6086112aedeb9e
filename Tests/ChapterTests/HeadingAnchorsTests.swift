import Chapter
import XCTest

final class HeadingAnchorsTests: XCTestCase {
    private func anchors(_ markdown: String) -> [String] {
        readChapter(markdown).document.headings.map(\.anchor)
    }

    func testSlugs() {
        XCTAssertEqual(
            anchors("# The Chain Rule, again!\n\n## `grad(L, W)` in 2D\n\n## ???\n"),
            ["the-chain-rule-again", "gradl-w-in-2d", "section"])
    }

    func testRepeatsSkipTakenSuffixes() {
        XCTAssertEqual(anchors("# A\n\n# A 1\n\n# A\n\n# A\n"), ["a", "a-1", "a-2", "a-3"])
    }

    /// The suffix search resumes where it stopped: 40,000 equal headings are
    /// linear work, and the anchors are still every suffix in order.
    func testManyEqualHeadingsGetEverySuffix() {
        let result = anchors(String(repeating: "# Same\n\n", count: 40_000) + "# Same 7\n")
        XCTAssertEqual(result.count, 40_001)
        XCTAssertEqual(Array(result.prefix(3)), ["same", "same-1", "same-2"])
        XCTAssertEqual(result[39_999], "same-39999")
        XCTAssertEqual(result.last, "same-7-1", "'same-7' was taken by the seventh repeat")
    }

    func testHeadingLevelsAndLocations() {
        let headings = readChapter("Setext\n======\n\n> ### Quoted\n").document.headings
        XCTAssertEqual(headings.map(\.level), [1, 3])
        XCTAssertEqual(headings.map(\.text), ["Setext", "Quoted"])
        XCTAssertEqual(headings.map(\.location), [location(1, 1), location(4, 3)])
    }
}
