import Foundation
import Render
import TutorTestSupport
import XCTest

/// The fixture page in a real browser: headless Chromium draws it (the
/// screenshot is not blank) and its DOM has the figures and the MathML formulas.
final class BrowserTests: XCTestCase {
    func testChromiumRendersThePage() throws {
        guard
            let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
                .first(where: FileManager.default.isExecutableFile)
        else {
            throw XCTSkip("chromium is not installed (apt-get install -y chromium); the browser test is skipped")
        }
        let folder = try RenderFixture.temporaryFolder("browser", for: self)
        let writer = OutputWriter(directory: folder)
        let page = HTMLPage(RenderFixture.chapter).render()
        try writer.write(page, to: "01-every-result.html")
        try writer.write(
            "<!DOCTYPE html><html><head><style>body{background:#fdfdfc}</style></head><body></body></html>",
            to: "blank.html")

        let options = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1000,1400",
            "--user-data-dir=\(folder)/profile",
        ]
        func screenshot(_ name: String) throws -> Int {
            let png = "\(folder)/\(name).png"
            let run = try ProgramRun(chromium, options + ["--screenshot=\(png)", "file://\(folder)/\(name).html"])
            XCTAssertEqual(run.status, 0, run.text)
            let attributes = try FileManager.default.attributesOfItem(atPath: png)
            return attributes[.size] as? Int ?? 0
        }
        let blank = try screenshot("blank")
        let drawn = try screenshot("01-every-result")
        // A blank page compresses to a few kilobytes; text and figures do not.
        XCTAssertGreaterThan(
            drawn, max(20_000, 4 * blank),
            "the screenshot looks blank; RENDER_TESTS_KEEP=1 keeps it in \(folder)")

        let run = try ProgramRun(chromium, options + ["--dump-dom", "file://\(folder)/01-every-result.html"])
        XCTAssertEqual(run.status, 0)
        let dom = run.text
        XCTAssertEqual(dom.components(separatedBy: "<svg viewBox").count - 1, 3, "the DOM lacks the SVG figures")
        XCTAssertTrue(dom.contains("<polyline class=\"series-0\""))
        let formulas = page.components(separatedBy: "<math").count - 1
        XCTAssertEqual(formulas, 7, "the fixture page draws its formulas as MathML")
        XCTAssertEqual(
            dom.components(separatedBy: "<math").count - 1, formulas, "the page has MathML but the DOM does not")
    }
}
