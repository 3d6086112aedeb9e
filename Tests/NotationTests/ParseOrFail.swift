@testable import Notation
import XCTest

/// Parses `text` as an expression, failing the test with the diagnostic if it does not parse.
func expression(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Expr? {
    do {
        return try parseExpression(text)
    } catch {
        XCTFail("\(text): \(error)", file: file, line: line)
        return nil
    }
}

/// The diagnostic that parsing `text` as an expression raises, failing the test if it parses.
func expressionError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
    do {
        let parsed = try parseExpression(text)
        XCTFail("\(text) parsed as \(parsed)", file: file, line: line)
        return nil
    } catch {
        return error
    }
}

/// Parses a one-statement block, failing the test unless it parses without errors.
func statement(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Statement.Kind? {
    let block = parseDirectives(text, file: "t.md", firstLine: 1)
    XCTAssertEqual(block.diagnostics, [], file: file, line: line)
    XCTAssertEqual(block.statements.count, 1, file: file, line: line)
    return block.statements.first?.kind
}

/// The single diagnostic of a one-statement block.
func statementError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
    let block = parseDirectives(text, file: "t.md", firstLine: 1)
    XCTAssertEqual(block.statements, [], file: file, line: line)
    XCTAssertEqual(block.diagnostics.count, 1, file: file, line: line)
    return block.diagnostics.first
}
