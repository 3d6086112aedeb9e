import Foundation
@testable import Render
import Runner
import TutorTestSupport
import XCTest

/// Every page and figure parses as XML, no page reaches outside itself, and the
/// same results give the same bytes.
final class PageValidityTests: XCTestCase {
    func testPagesAndFiguresAreWellFormedXML() throws {
        let folder = try RenderFixture.temporaryFolder("xml", for: self)
        let writer = OutputWriter(directory: folder)
        try writer.write(HTMLPage(RenderFixture.chapter).render(), to: "page.html")
        try writer.write(IndexPage.render(RenderFixture.book), to: "index.html")
        var paths = [folder + "/page.html", folder + "/index.html"]
        for file in MarkdownPage(RenderFixture.chapter).render().files where file.path.hasSuffix(".svg") {
            try writer.write(file.contents, to: file.path)
            paths.append(folder + "/" + file.path)
        }
        let xmllint = "/usr/bin/xmllint"
        guard FileManager.default.isExecutableFile(atPath: xmllint) else {
            throw XCTSkip("xmllint is not installed (Debian package libxml2-utils)")
        }
        for path in paths {
            let run = try ProgramRun(xmllint, ["--noout", path])
            XCTAssertEqual(run.status, 0, "\(path) is not well-formed XML:\n\(run.text)")
        }
    }

    func testPagesHaveNoScriptAndNoAddressOutside() {
        for page in [HTMLPage(RenderFixture.chapter).render(), IndexPage.render(RenderFixture.book)] {
            XCTAssertFalse(page.lowercased().contains("<script"))
            XCTAssertFalse(page.contains("http"))
            XCTAssertFalse(page.contains("src="))
        }
    }

    func testInlineFiguresAreInThePage() {
        let page = HTMLPage(RenderFixture.chapter).render()
        XCTAssertEqual(page.components(separatedBy: "<svg viewBox").count - 1, 3)
        XCTAssertTrue(page.contains("class=\"contour\""))
        XCTAssertTrue(page.contains("class=\"path-start\""))
    }

    func testSameResultsGiveSameBytesAndNoTimings() {
        var slow = RenderFixture.chapter
        slow.seconds = 98765.4321
        var fast = RenderFixture.chapter
        fast.seconds = 0.001
        XCTAssertEqual(HTMLPage(slow).render(), HTMLPage(fast).render())
        XCTAssertEqual(MarkdownPage(slow).render(), MarkdownPage(fast).render())
        XCTAssertEqual(IndexPage.render(BookResult(chapters: [slow])), IndexPage.render(BookResult(chapters: [fast])))
        XCTAssertFalse(HTMLPage(slow).render().contains("9876"))
        XCTAssertFalse(HTMLPage(slow).render().contains("9.877"))
    }

    func testEveryVerdictIsShown() {
        let page = HTMLPage(RenderFixture.chapter).render()
        for label in ["✓ passed", "✗ failed", "✓ fails, as expected", "✗ erratum not confirmed", "! error"] {
            XCTAssertTrue(page.contains(label), "no \(label) badge")
        }
        XCTAssertTrue(page.contains("Not run: an earlier statement failed."))
        XCTAssertTrue(page.contains("show nothing_here\n     ^"), "the error has no caret under its column")
    }
}

final class RemoteImagesTests: XCTestCase {
    func testAnImageFromTheWebBecomesALink() {
        let html =
            #"<p>See <img src="https://example.org/a.png" alt="a plot" /> and <img src="local.png" alt="b" />.</p>"#
        XCTAssertEqual(
            RemoteImages.replaced(in: html),
            #"<p>See <a class="remote-image" href="https://example.org/a.png">image: a plot</a> and <img src="local.png" alt="b" />.</p>"#
        )
    }
}
