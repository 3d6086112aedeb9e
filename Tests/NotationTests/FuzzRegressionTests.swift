import Notation
import XCTest

/// Inputs that `Fuzz/` found crashing the statement parser, kept as they were minimised.
final class NotationFuzzRegressionTests: XCTestCase {
    /// `where` without `=` in a statement continued by an open bracket: quoting
    /// the symbol cut a column range from one line to a column on the next.
    func testWhereWithoutEqualsAcrossLines() {
        let block = parseDirectives("check formula where W [\n] expect fail", file: "f.md", firstLine: 1)
        XCTAssertEqual(block.statements, [])
        XCTAssertEqual(
            block.diagnostics.map(\.description),
            ["f.md:2:14: error: expected '=' after the symbol 'W [', found end of line"])
    }
}
