import Notation
@testable import Runner
import XCTest

/// Every diagnostic carries the chapter line it points at, where it is made.
final class DiagnosticLineTests: XCTestCase {
    func testAFailedStatementsDiagnosticCarriesItsLine() throws {
        let result = try runChapter(
            """
            # Lines

            ```tutor
            let x = [1, 2]
            show y
            show x
            ```

            """)
        let failed = try XCTUnwrap(
            result.blocks.flatMap(\.statements).compactMap { statement -> Diagnostic? in
                if case let .failed(d) = statement.state { return d } else { return nil }
            }.first)
        XCTAssertEqual(failed.location.line, 5)
        XCTAssertEqual(failed.sourceLine, "show y", "the statement's own diagnostic, not only the chapter's list")
        XCTAssertEqual(result.errors.first?.sourceLine, "show y")
    }

    func testAParseErrorCarriesItsLineFromTheParser() throws {
        let result = try runChapter(
            """
            # Lines

            ```tutor
            let x = (1 +
            ```

            """)
        let block = try XCTUnwrap(result.blocks.first { !$0.diagnostics.isEmpty })
        XCTAssertEqual(block.diagnostics.first?.sourceLine, "let x = (1 +")
        XCTAssertEqual(result.errors.first?.sourceLine, "let x = (1 +")
    }

    /// A runtime error, a parse error and a formula error are placed and quoted
    /// alike whether the chapter's lines end in LF, CRLF or a lone CR (old Mac files).
    func testEveryLineEndingGivesTheSameLinesAndCarets() throws {
        let chapter = """
            # Line endings

            $$
            a = \\frac{1}{
            $$

            ```tutor
            let a = 1
            check formula
            show y
            ```

            ```tutor
            let x = (1 +
            ```

            """
        func placed(_ result: ChapterResult) -> [String] {
            result.errors.map(\.rendered)
                + result.formulaChecks.map { "\($0.location.map(String.init(describing:)) ?? "?"): \($0.message)" }
        }
        let lf = placed(try runChapter(chapter))
        XCTAssertEqual(
            lf,
            [
                "01-test.md:10:6: error: unknown name 'y'; did you mean 'a'?\nshow y\n     ^",
                "01-test.md:14:13: error: expected an expression, found end of line\nlet x = (1 +\n            ^",
                "01-test.md:4:14: the formula above is outside what tutor reads: expected an expression, "
                    + "found the end of the equation",
            ])
        for ending in ["\r\n", "\r"] {
            XCTAssertEqual(
                placed(try runChapter(chapter.replacingOccurrences(of: "\n", with: ending))), lf,
                ending.debugDescription)
        }
    }
}
