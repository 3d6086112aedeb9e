import Notation
import XCTest

/// One line table for every line count: `\n`, `\r\n` and a lone `\r` end a line alike.
final class LineTableTests: XCTestCase {
    func testEveryLineEndingEndsALine() {
        XCTAssertEqual(LineTable(Array("ab\ncd\r\nef\rgh".utf8)).lines, [0..<2, 3..<5, 7..<9, 10..<12])
        XCTAssertEqual(LineTable(Array("ab\ncd\r\nef\rgh".unicodeScalars)).lines, [0..<2, 3..<5, 7..<9, 10..<12])
        XCTAssertEqual(LineTable.lines(of: "ab\ncd\r\nef\rgh"), ["ab", "cd", "ef", "gh"])
    }

    func testALineEndingStartsALineAsInAnEditor() {
        XCTAssertEqual(LineTable.lines(of: ""), [""])
        XCTAssertEqual(LineTable.lines(of: "a\n"), ["a", ""])
        XCTAssertEqual(LineTable.lines(of: "a\r\r\n\n"), ["a", "", "", ""])
        XCTAssertEqual(LineTable.lines(of: "\r"), ["", ""])
    }

    func testTheLineOfAnOffset() {
        let table = LineTable(Array("ab\r\ncd\re".utf8))
        XCTAssertEqual([0, 2, 3, 4, 6, 7, 8, 100].map(table.line(containing:)), [1, 1, 1, 2, 2, 3, 3, 3])
        XCTAssertEqual(table.range(ofLine: 2), 4..<6)
        XCTAssertNil(table.range(ofLine: 4))
        XCTAssertNil(table.range(ofLine: 0))
    }

    /// A statement's error and a formula's error point at the same place, and
    /// quote the same line, whatever the line endings.
    func testDiagnosticsAreTheSameUnderEveryLineEnding() {
        func located(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map(\.rendered) }
        let block = "let a = 1\nshow (a +\nshow a $ b\n"
        let formula = "a = 1 +\n  b +"
        let lf = (
            located(parseDirectives(block, file: "f.md", firstLine: 3).diagnostics),
            located(readFormula(formula, at: SourceLocation(file: "f.md", line: 8, column: 1)).diagnostics)
        )
        XCTAssertEqual(
            lf.0,
            [
                "f.md:4:10: error: expected an expression, found end of line\nshow (a +\n         ^",
                "f.md:5:8: error: unexpected character '$'\nshow a $ b\n       ^",
            ])
        XCTAssertEqual(lf.1.count, 1)
        XCTAssertEqual(lf.1, ["f.md:9:6: error: expected an expression, found the end of the equation\n  b +\n     ^"])
        for ending in ["\r\n", "\r"] {
            let blockLines = block.replacingOccurrences(of: "\n", with: ending)
            let formulaLines = formula.replacingOccurrences(of: "\n", with: ending)
            XCTAssertEqual(located(parseDirectives(blockLines, file: "f.md", firstLine: 3).diagnostics), lf.0)
            XCTAssertEqual(
                located(
                    readFormula(formulaLines, at: SourceLocation(file: "f.md", line: 8, column: 1))
                        .diagnostics), lf.1)
        }
    }
}
