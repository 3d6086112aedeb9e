import Render
import XCTest

/// Links between chapters go to their pages; images beside the chapters go into the output folder.
final class BookLinksTests: XCTestCase {
    let links = BookLinks(chapterFiles: ["book/01-line.md", "book/networks/02-xor.md", "book/03-中文.md"])

    func testChapterLinksBecomePageLinksWithTheirAnchors() {
        let page =
            #"<p><a href="networks/02-xor.md#the-step">a</a> <a href="03-%E4%B8%AD%E6%96%87.md">b</a> "#
            + ##"<a href="README.md">c</a> <a href="https://example.org/01-line.md">d</a> <a href="#top">e</a></p>"##
        let (html, images) = links.html(page, of: "book/01-line.md")
        XCTAssertEqual(
            html,
            #"<p><a href="02-xor.html#the-step">a</a> <a href="03-%E4%B8%AD%E6%96%87.html">b</a> "#
                + ##"<a href="README.md">c</a> <a href="https://example.org/01-line.md">d</a> <a href="#top">e</a></p>"##,
            "only links to the book's chapters change")
        XCTAssertEqual(images, [])
        XCTAssertEqual(
            links.html(#"<a href="../01-line.md">back</a>"#, of: "book/networks/02-xor.md").page,
            #"<a href="01-line.html">back</a>"#)
    }

    func testImagesAreAddressedByTheirPlaceInTheBook() {
        let (html, images) = links.html(
            #"<img src="img/a%20b.png" alt="a plot" /><img src="../img/c.png" alt="c" title="t" />"#,
            of: "book/networks/02-xor.md")
        XCTAssertEqual(
            html, #"<img src="networks/img/a%20b.png" alt="a plot" /><img src="img/c.png" alt="c" title="t" />"#)
        XCTAssertEqual(images.map(\.pathInBook), ["networks/img/a b.png", "img/c.png"])
    }

    func testAnImageOutsideTheBookIsNotShown() {
        let (html, images) = links.html(#"<img src="../../secret.png" alt="s" />"#, of: "book/01-line.md")
        XCTAssertEqual(
            html, #"<span class="remote-image">image: s (not shown: it is outside the book's folder)</span>"#)
        XCTAssertEqual(images, [])
    }

    func testMarkdownPagesLinkToTheMarkdownPagesAndKeepTheirFigures() {
        let page =
            "Back to [the line](../01-line.md#fit), see ![c](../img/c.png) and "
            + "![Loss](02-xor/line-9-loss.svg) and [elsewhere](https://example.org/x.md)."
        XCTAssertEqual(
            links.markdown(page, of: "book/networks/02-xor.md"),
            "Back to [the line](01-line.md#fit), see ![c](img/c.png) and "
                + "![Loss](02-xor/line-9-loss.svg) and [elsewhere](https://example.org/x.md).")
    }
}
