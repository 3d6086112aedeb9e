@testable import Notation
import XCTest

extension Expr {
    /// The tree with every node bracketed, operator first, so tests can pin the
    /// exact structure that `description` (with minimal parentheses) hides.
    var prefixForm: String {
        switch kind {
        case .number(let value): return Expr.format(value)
        case .string(let text): return "\"\(text)\""
        case .name(let name): return name
        case .matrix(let rows):
            return "[" + rows.map { $0.map(\.prefixForm).joined(separator: " ") }.joined(separator: "; ") + "]"
        case .call(let name, let arguments):
            let parts = arguments.map { ($0.label.map { "\($0): " } ?? "") + $0.value.prefixForm }
            return "(\(name)" + parts.map { " " + $0 }.joined() + ")"
        case .negate(let operand): return "(neg \(operand.prefixForm))"
        case .binary(let op, let left, let right, _): return "(\(op.rawValue) \(left.prefixForm) \(right.prefixForm))"
        case .transpose(let operand): return "(T \(operand.prefixForm))"
        case .row(let matrix, let index): return "(row \(matrix.prefixForm) \(index.prefixForm))"
        }
    }
}

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
