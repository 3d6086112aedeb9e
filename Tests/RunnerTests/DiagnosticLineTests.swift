import Notation
@testable import Runner
import XCTest

/// Every diagnostic carries the chapter line it points at, where it is made.
final class DiagnosticLineTests: XCTestCase {
    func testAFailedStatementsDiagnosticCarriesItsLine() throws {
        let result = try runChapter("""
            # Lines

            ```tutor
            let x = [1, 2]
            show y
            show x
            ```

            """)
        let failed = try XCTUnwrap(result.blocks.flatMap(\.statements).compactMap { statement -> Diagnostic? in
            if case let .failed(d) = statement.state { return d } else { return nil }
        }.first)
        XCTAssertEqual(failed.location.line, 5)
        XCTAssertEqual(failed.sourceLine, "show y", "the statement's own diagnostic, not only the chapter's list")
        XCTAssertEqual(result.errors.first?.sourceLine, "show y")
    }

    func testAParseErrorCarriesItsLineFromTheParser() throws {
        let result = try runChapter("""
            # Lines

            ```tutor
            let x = (1 +
            ```

            """)
        let block = try XCTUnwrap(result.blocks.first { !$0.diagnostics.isEmpty })
        XCTAssertEqual(block.diagnostics.first?.sourceLine, "let x = (1 +")
        XCTAssertEqual(result.errors.first?.sourceLine, "let x = (1 +")
    }
}
