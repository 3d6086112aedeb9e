import Chapter
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
        XCTAssertEqual(last.map { $0.lines.map(\.number) }, [[90], [91, 92]])
        XCTAssertEqual(last.map(\.notRun), [false, true])
    }
}
