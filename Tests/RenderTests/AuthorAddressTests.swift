import MathML
@testable import Render
import Runner
import Foundation
import XCTest

/// Addresses made from what an author writes — images in the prose, chapter
/// file names — never load from the network and never run script.
final class AuthorAddressTests: XCTestCase {
    func testImagesWithAnySchemeSpellingBecomeLinksOrText() {
        let cases: [(String, String)] = [
            ("HTTP://example.org/a.png", #"<a class="remote-image" href="HTTP://example.org/a.png">image: d</a>"#),
            ("hTtPs://example.org/a.png", #"<a class="remote-image" href="hTtPs://example.org/a.png">image: d</a>"#),
            ("ftp://example.org/a.png", #"<a class="remote-image" href="ftp://example.org/a.png">image: d</a>"#),
            ("//example.org/a.png", #"<a class="remote-image" href="//example.org/a.png">image: d</a>"#),
            ("data:image/png;base64,AAAA", #"<span class="remote-image">image: d</span>"#),
            ("FILE:///etc/passwd", #"<span class="remote-image">image: d</span>"#),
            ("JavaScript:alert(1)", #"<span class="remote-image">image: d</span>"#),
            ("", #"<span class="remote-image">image: d</span>"#),
            ("figures/local.png", #"<img src="figures/local.png" alt="d" />"#),
        ]
        for (address, expected) in cases {
            XCTAssertEqual(RemoteImages.replaced(in: "<img src=\"\(address)\" alt=\"d\" />"), expected, address)
        }
    }

    func testAChapterPageFromProseWithHostileImagesLoadsNothing() throws {
        let markdown =
            "# I\n\n![a](HTTP://x.org/a.png) ![b](hTtPs://x.org/b.png) ![c](data:image/png;base64,AA) "
            + "![d](file:///etc/passwd) [e](JaVaScRiPt:alert(1))\n"
        let folder = try RenderFixture.temporaryFolder("addresses", for: self)
        let path = folder + "/01-i.md"
        try markdown.write(toFile: path, atomically: true, encoding: .utf8)
        let chapter = ChapterRunner(bookRoot: folder).run(path: path, displayPath: "01-i.md")
        let page = HTMLPage(chapter).render()
        XCTAssertNil(page.range(of: "<img", options: .caseInsensitive), page)
        XCTAssertNil(page.range(of: "javascript:", options: .caseInsensitive))
        XCTAssertNil(page.range(of: "src=\"data:", options: .caseInsensitive))
    }

    func testFileNamesBecomeAddressesInThisFolder() {
        XCTAssertEqual(Escaping.relativeAddress("01-backprop.html"), "01-backprop.html")
        XCTAssertEqual(
            Escaping.relativeAddress("javascript:alert(document.domain)%2F%2F.html"),
            "javascript%3Aalert%28document.domain%29%252F%252F.html")
        XCTAssertEqual(Escaping.relativeAddress("a b\"<é>.html"), "a%20b%22%3C%C3%A9%3E.html")
        XCTAssertEqual(Escaping.relativeAddress("../up.html"), "..%2Fup.html")
    }

    func testMarkdownFigureLinksAreAddressesInThisFolder() throws {
        let folder = try RenderFixture.temporaryFolder("figure-address", for: self)
        let path = folder + "/01-javascript:x y.md"
        try "# F\n\n```tutor\nparam w = 1\nloss L = w^2\noptimizer sgd(0.1)\ntrain 3 epochs\n```\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let chapter = ChapterRunner(bookRoot: folder).run(path: path, displayPath: "01-javascript:x y.md")
        let output = MarkdownPage(chapter).render()
        let page = try XCTUnwrap(output.files.first?.contents)
        XCTAssertTrue(page.contains("](01-javascript%3Ax%20y/line-7-training.svg)"), page)
        XCTAssertTrue(
            output.files.contains { $0.path == "01-javascript:x y/line-7-training.svg" },
            "the file itself keeps its name")
    }
}
