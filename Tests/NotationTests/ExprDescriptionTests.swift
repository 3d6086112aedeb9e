@testable import Notation
import XCTest

final class ExprDescriptionTests: XCTestCase {
    /// Each text is already in canonical form: it prints back unchanged.
    func testCanonicalTextsPrintBackUnchanged() {
        for text in [
            "x @ W.T + b", "-x^2", "(-x)^2", "a - b - c", "a - (b - c)", "2^3^2", "(2^3)^2",
            "2^-1", "a * -b", "-(a + b)", "-(-a)", "(a + b).T", "x[0]", "x[i + 1].T", "(a * b)[0]",
            "softmax(x, axis: 1)", "grad(L, net.1.W)", "[1, 2; 3, 4]", "[1, 2, 3]", "\"file.csv\"",
            "η * θ", "0.5 * x", "0.001", "20000", "a / (b * c)", "a / b * c", "a @ (b @ c)", "f()",
        ] {
            XCTAssertEqual(expression(text)?.description, text)
        }
    }

    func testRedundantParenthesesAndSpacingAreDropped() {
        XCTAssertEqual(expression("((a)+(b*c))")?.description, "a + b * c")
        XCTAssertEqual(expression("(a+b)+c")?.description, "a + b + c")
        XCTAssertEqual(expression("2 ^ (3 ^ 2)")?.description, "2^3^2")
        XCTAssertEqual(expression("-(x^2)")?.description, "-x^2")
        XCTAssertEqual(expression("1e-3")?.description, "0.001")
        XCTAssertEqual(expression("a +- b")?.description, "a + -b")
    }

    func testDescriptionParsesBackToTheSameTree() throws {
        for text in [
            "-(a - b)^-c.T[1] @ f(x, k: -[1, 2; 3, 4 ^ 2])", "a - -b - (c - d)", "((x))[(0)]",
            "1e-7 * y / (2^0.5)", "2^(a * b)", "(-2)^2",
        ] {
            let parsed = try parseExpression(text)
            let reparsed = try parseExpression(parsed.description)
            XCTAssertEqual(reparsed.prefixForm, parsed.prefixForm, text)
        }
    }

    func testTreesBuiltByOtherReadersPrintParseably() throws {
        let here = SourceLocation(file: "f", line: 1, column: 1)
        let minusOne = Expr(.number(-1), at: here)
        let squared = Expr(.binary(.power, minusOne, Expr(.number(2), at: here), operatorLocation: here), at: here)
        XCTAssertEqual(squared.description, "(-1)^2")
        XCTAssertEqual(Expr(.number(1e-20), at: here).description, "1e-20")
        XCTAssertEqual(try parseExpression("1e-20").kind, .number(1e-20))
    }

    func testHeight() {
        XCTAssertEqual(expression("x")?.height, 1)
        XCTAssertEqual(expression("a + b * c")?.height, 3)
        XCTAssertEqual(expression("((((x))))")?.height, 1, "parentheses add no node")
    }
}
