import Foundation
@testable import Render
import Runner
import XCTest

/// The page's columns: the contents beside the text only when there are contents.
final class PageLayoutTests: XCTestCase {
    /// A chapter with a title and no `##` heading has no contents; its text must
    /// not fall into the narrow column the contents would have taken.
    func testAChapterWithoutSectionsKeepsItsTextInTheWideColumn() throws {
        let folder = try RenderFixture.temporaryFolder("layout", for: self)
        let file = folder + "/01-no-sections.md"
        try "# Only a title\n\nA paragraph long enough to see where the text column runs.\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let chapter = ChapterRunner(bookRoot: folder).run(path: file, displayPath: "01-no-sections.md")
        let page = HTMLPage(chapter).render()
        XCTAssertFalse(page.contains(#"class="toc""#))
        XCTAssertTrue(page.contains(#"<div class="layout">"#), page)

        let sectioned = HTMLPage(RenderFixture.chapter).render()
        XCTAssertTrue(sectioned.contains(#"class="toc""#))
        XCTAssertTrue(sectioned.contains(#"<div class="layout with-contents">"#))
        // The only rule that makes two columns is for a layout with contents.
        let twoColumns = Stylesheet.css.split(separator: "\n").filter { $0.contains("13rem") }
        XCTAssertEqual(
            twoColumns.map { $0.trimmingCharacters(in: .whitespaces).prefix(22) }, [".layout.with-contents "])
    }

    /// A formula box scrolls sideways only: Chromium gives an `overflow-x: auto`
    /// box a vertical scrollbar too when a tall formula's ink passes its edge.
    func testFormulasScrollOnlySideways() {
        let rule = Stylesheet.css.split(separator: "\n").first {
            $0.trimmingCharacters(in: .whitespaces).hasPrefix(".formula {")
        }
        XCTAssertNotNil(rule)
        XCTAssertTrue(rule?.contains("overflow-x: auto") == true)
        XCTAssertTrue(rule?.contains("overflow-y: hidden") == true, String(rule ?? ""))
    }
}
