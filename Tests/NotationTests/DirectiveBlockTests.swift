@testable import Notation
import XCTest

final class DirectiveBlockTests: XCTestCase {
    func testStatementsInOrderWithFileLines() {
        let block = parseDirectives(
            """
            seed 1

            # a comment line
            param w = 0.5   # trailing comment
            show w
            """, file: "chapters/01.md", firstLine: 20)
        XCTAssertEqual(block.diagnostics, [])
        XCTAssertEqual(block.statements.map(\.location.line), [20, 23, 24])
        XCTAssertEqual(block.statements.map(\.source), ["seed 1", "param w = 0.5", "show w"])
        XCTAssertEqual(block.statements.first?.location.file, "chapters/01.md")
    }

    func testHashInsideStringIsNotAComment() {
        let block = parseDirectives("data x = csv(\"a#b.csv\") # real comment", file: "f.md", firstLine: 1)
        XCTAssertEqual(block.diagnostics, [])
        XCTAssertEqual(block.statements.first?.source, "data x = csv(\"a#b.csv\")")
    }

    func testContinuationInsideBrackets() {
        let block = parseDirectives(
            """
            let A = [1, 2;   # first row
                     3, 4]
            optimizer adam(0.01,
                beta1: 0.8,

                beta2: 0.99)
            show A
            """, file: "f.md", firstLine: 1)
        XCTAssertEqual(block.diagnostics, [])
        XCTAssertEqual(block.statements.count, 3)
        guard case .let(_, let matrix) = block.statements[0].kind else { return XCTFail() }
        XCTAssertEqual(matrix.description, "[1, 2; 3, 4]")
        XCTAssertEqual(block.statements[0].source, "let A = [1, 2;\n         3, 4]")
        guard case .optimizer(let call) = block.statements[1].kind else { return XCTFail() }
        XCTAssertEqual(call.description, "adam(0.01, beta1: 0.8, beta2: 0.99)")
        XCTAssertEqual(block.statements[1].location.line, 3)
        XCTAssertEqual(block.statements[2].location.line, 7)
    }

    func testLinesEndStatementsOutsideBrackets() {
        let error = parseDirectives("let x = 1 +\n2", file: "f.md", firstLine: 1).diagnostics
        XCTAssertEqual(
            error.map(\.message),
            [
                "expected an expression, found end of line",
                "expected a statement such as 'let' or 'show', found '2'",
            ])
    }

    func testRecoveryReportsEveryBadStatement() {
        let block = parseDirectives(
            """
            seed 3
            let x = (1 + 2
            param W = [1, 2; 3]
            show W
            tarin 10 epochs
            let y = 1.2.3
            show x
            """, file: "chapters/02.md", firstLine: 10)
        XCTAssertEqual(block.statements.map(\.location.line), [10, 13, 16])
        XCTAssertEqual(block.diagnostics.map(\.location.line), [11, 12, 14, 15])
        XCTAssertEqual(block.diagnostics.map(\.location.column), [15, 18, 1, 9])
        XCTAssertEqual(
            block.diagnostics.map(\.message),
            [
                "expected ')' to close '(' at 11:9, found end of line",
                "row 2 of the matrix has 1 entry, row 1 has 2 entries",
                "unknown statement 'tarin'; did you mean 'train'?",
                "invalid number '1.2.3'",
            ])
        XCTAssertEqual(
            block.diagnostics.first?.description,
            "chapters/02.md:11:15: error: expected ')' to close '(' at 11:9, found end of line")
        XCTAssertEqual(
            block.diagnostics.map(\.sourceLine),
            ["let x = (1 + 2", "param W = [1, 2; 3]", "tarin 10 epochs", "let y = 1.2.3"])
    }

    func testCaretUnderTheColumn() {
        let diagnostic = parseDirectives("\tshow a $ b", file: "f.md", firstLine: 4).diagnostics.first
        XCTAssertEqual(diagnostic?.rendered, "f.md:4:9: error: unexpected character '$'\n\tshow a $ b\n\t       ^")
    }

    func testUnclosedBracketStopsBeforeTheNextStatement() {
        let block = parseDirectives(
            """
            let y = f(x,
                      2
            step
            """, file: "f.md", firstLine: 1)
        XCTAssertEqual(block.diagnostics.map(\.message), ["expected ',' or ')' to close '(' at 1:10, found 'step'"])
        XCTAssertEqual(block.statements.count, 0, "a lone `step` may be a name continuing `f(`")

        let next = parseDirectives("let y = f(x,\n  2\nshow W, b\n", file: "f.md", firstLine: 1)
        XCTAssertEqual(next.diagnostics.map(\.message), ["expected ',' or ')' to close '(' at 1:10, found end of line"])
        XCTAssertEqual(next.diagnostics.first?.location, SourceLocation(file: "f.md", line: 2, column: 4))
        XCTAssertEqual(next.statements.map(\.source), ["show W, b"])
    }

    func testStatementKeywordsStillNameValues() {
        let block = parseDirectives("let loss_scale = 2\nshow data + loss, step", file: "f.md", firstLine: 1)
        XCTAssertEqual(block.diagnostics, [])
        guard case .show(let values) = block.statements.last?.kind else { return XCTFail() }
        XCTAssertEqual(values.map(\.description), ["data + loss", "step"])
    }

    func testUnknownStatementMessages() {
        XCTAssertEqual(statementError("shwo W")?.message, "unknown statement 'shwo'; did you mean 'show'?")
        XCTAssertEqual(
            statementError("optimiser adam(0.1)")?.message, "unknown statement 'optimiser'; did you mean 'optimizer'?")
        XCTAssertEqual(
            statementError("banana split")?.message,
            "unknown statement 'banana'; a statement begins with one of: "
                + "seed, let, param, data, model, loss, optimizer, train, step, check, expect, show, plot, "
                + "erratum, correction, end, notation")
        XCTAssertEqual(statementError("x = 3")?.message, "unknown statement 'x'; to name a value, begin with 'let'")
        XCTAssertEqual(statementError("3 + 4")?.message, "expected a statement such as 'let' or 'show', found '3'")
    }

    func testWindowsLineEndings() {
        let block = parseDirectives("seed 1\r\nshow x\r\n", file: "f.md", firstLine: 1)
        XCTAssertEqual(block.diagnostics, [])
        XCTAssertEqual(block.statements.map(\.source), ["seed 1", "show x"])
    }

    func testEmptyBlock() {
        XCTAssertEqual(parseDirectives("", file: "f.md", firstLine: 1), DirectiveBlock())
        XCTAssertEqual(parseDirectives("\n  # only a comment\n\n", file: "f.md", firstLine: 1), DirectiveBlock())
    }
}
