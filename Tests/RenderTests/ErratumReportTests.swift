@testable import Render
import Runner
import XCTest

/// Errata in report.json: read back for the index of a later one-chapter run,
/// they count as they did.
final class ErratumReportTests: XCTestCase {
    func testErrataCountedFromAnEarlierReportAsFromTheRun() throws {
        let chapter = RenderFixture.chapter
        XCTAssertEqual(chapter.counts.unconfirmedErrata, 1, "the fixture's erratum holds after all")
        let entries = try XCTUnwrap(BookEntry.entries(ofReport: JSONReport.render(RenderFixture.book)))
        XCTAssertEqual(entries.map(\.counts.errata), [chapter.counts.errata])
        XCTAssertEqual(entries.map(\.counts.unconfirmedErrata), [1])
    }

    func testAnErratumOfUnknownStatusIsNotAReportTutorWrote() {
        let report =
            #"{"chapters": [{"file": "a.md", "title": "A", "checks": [], "errors": [], "#
            + #""errata": [{"line": 3, "status": "maybe"}]}]}"#
        XCTAssertNil(BookEntry.entries(ofReport: report))
    }

    func testTheBoxNamesTheClaimEveryCheckAndItsLine() {
        let html = HTMLPage(RenderFixture.chapter).render()
        XCTAssertTrue(html.contains(#"<aside class="erratum" id="erratum-80">"#), "the box stands at its statement")
        XCTAssertTrue(html.contains("The article: the derivative in b has a factor 2 too many"))
        XCTAssertTrue(
            html.contains(
                ##"<li><a href="#line-81">line 81</a> <span class="badge xpass">✗ erratum not confirmed</span>"##))
        XCTAssertTrue(html.contains(#"<p class="erratum-part">Correction: none checked.</p>"#))
    }
}
