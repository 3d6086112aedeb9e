import Chapter
import Notation
import XCTest

final class UnterminatedFenceTests: XCTestCase {
    func testUnterminatedTutorFenceIsAnErrorAtTheFence() {
        let (document, diagnostics) = readChapter("# T\n\n```tutor\nlet x = 1\n\nMore prose.\n")
        XCTAssertEqual(diagnostics.map(\.location), [location(3, 1)])
        XCTAssertEqual(diagnostics.first?.severity, .error)
        XCTAssertEqual(diagnostics.first?.sourceLine, "```tutor")
        XCTAssertEqual(document.blocks.first?.prose?.source, "# T")
        XCTAssertEqual(document.blocks.last?.directive?.content, "let x = 1\n\nMore prose.\n")
    }

    func testUnterminatedAtEndOfFileWithoutNewline() {
        XCTAssertEqual(readChapter("````tutor\nx\n```").diagnostics.map(\.location), [location(1, 1)])
    }

    func testEmptyFenceOnTheLastLine() {
        XCTAssertEqual(readChapter("text\n\n~~~tutor").diagnostics.map(\.location), [location(3, 1)])
    }

    func testClosedFencesAreFine() {
        XCTAssertEqual(readChapter("````tutor\n```\n````  \n\n```tutor\n```\n").diagnostics, [])
    }

    func testUnterminatedOtherFenceIsAWarning() {
        let diagnostics = readChapter("```python\nprint(1)\n").diagnostics
        XCTAssertEqual(diagnostics.map(\.severity), [.warning])
    }
}
