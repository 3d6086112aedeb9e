import Chapter
import XCTest

/// Markdown nested as deep as the input likes: the reader's copy of cmark's
/// tree stays shallow, so nothing recurses as deep as the input.
final class DeepNestingTests: XCTestCase {
    func testDeepQuotesKeepTheirHeadingsAndMath() {
        let depth = 30_000
        let text = "# Deep\n\n" + String(repeating: ">", count: depth) + " ## Inside $x^2$\n"
        let reading = readChapter(text)
        XCTAssertEqual(reading.diagnostics.map(\.message), [])
        XCTAssertEqual(reading.document.headings.map(\.text), ["Deep", "Inside $x^2$"])
        XCTAssertEqual(reading.document.headings.last?.location.column, depth + 2)
        let math = reading.document.blocks.flatMap { block -> [String] in
            if case let .prose(prose) = block { return prose.inlineMath.map(\.latex) } else { return [] }
        }
        XCTAssertEqual(math, ["x^2"])
    }

    func testDeepEmphasisInAHeadingGivesItsText() {
        let depth = 25_000
        let text = "# " + String(repeating: "*a ", count: depth) + "x" + String(repeating: " a*", count: depth) + "\n"
        let heading = readChapter(text).document.headings.first
        XCTAssertEqual(heading?.text.filter { $0 == "a" }.count, 2 * depth)
        XCTAssertEqual(heading?.text.contains("x"), true)
    }

    func testDeepListsAndLinksRead() {
        let list = (0..<2000).map { String(repeating: "  ", count: $0) + "- item $a_{\($0)}$\n" }.joined()
        let links = String(repeating: "[", count: 20_000) + "x" + String(repeating: "](y)", count: 20_000) + "\n"
        let reading = readChapter("# L\n\n" + list + "\n" + links)
        XCTAssertEqual(reading.diagnostics.map(\.message), [])
        let math = reading.document.blocks.flatMap { block -> [InlineMath] in
            if case let .prose(prose) = block { return prose.inlineMath } else { return [] }
        }
        XCTAssertEqual(math.count, 2000)
        XCTAssertEqual(math.last?.latex, "a_{1999}")
    }
}
