import Chapter
import Foundation
import Notation
@testable import Render
import XCTest

final class DirectiveChunkTests: XCTestCase {
    private func chunks(ofDirective number: Int) -> [DirectiveChunk] {
        let chapter = RenderFixture.chapter
        let indices = chapter.document.blocks.indices.filter {
            if case .directive = chapter.document.blocks[$0] { return true } else { return false }
        }
        guard case let .directive(directive) = chapter.document.blocks[indices[number]] else { return [] }
        return DirectiveChunk.chunks(directive, chapter.blocks[indices[number]])
    }

    func testRunsEndAfterStatementsWithResults() {
        let first = chunks(ofDirective: 0)
        XCTAssertEqual(first.map { $0.lines.map(\.number) }, [Array(15...21), [22], [23]])
        XCTAssertEqual(first.map(\.outcomes.count), [1, 1, 0])
        XCTAssertTrue(first[0].lines[5].text.contains("# the mean squared error"))
    }

    func testStatementsAfterAnErrorAreNotRun() {
        let last = chunks(ofDirective: 5)
        XCTAssertEqual(last.map { $0.lines.map(\.number) }, [[92], [93, 94]])
        XCTAssertEqual(last.map(\.notRun), [false, true])
    }

    /// An error on the closing fence of a block (line 95, after the last
    /// source line) has no line anchor to link to; every link the page has does.
    func testErrorLinksPointAtLinesThePageHas() throws {
        var chapter = RenderFixture.chapter
        let location = SourceLocation(file: "Fixtures/01-every-result.md", line: 95, column: 1)
        chapter.diagnostics.append(Diagnostic("the block is not closed", at: location))
        let html = HTMLPage(chapter).render()
        XCTAssertTrue(html.contains("<li>line 95: the block is not closed</li>"))
        let links = try NSRegularExpression(pattern: "href=\"#(line-[0-9]+)\"")
        let targets = links.matches(in: html, range: NSRange(html.startIndex..., in: html))
            .map { String(html[Range($0.range(at: 1), in: html)!]) }
        XCTAssertFalse(targets.isEmpty)
        for target in targets { XCTAssertTrue(html.contains("id=\"\(target)\""), target) }
    }
}
