@testable import Notation
import XCTest

final class ExpressionParserTests: XCTestCase {
    private func assertTree(_ text: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(expression(text, file: file, line: line)?.prefixForm, expected, text, file: file, line: line)
    }

    func testNumbers() {
        assertTree("3", "3")
        assertTree("0.5", "0.5")
        assertTree(".5", "0.5")
        assertTree("1e-3", "0.001")
        assertTree("2E+4", "20000")
        assertTree("1.5e2", "150")
    }

    func testPrecedenceAndAssociativity() {
        assertTree("-x^2", "(neg (^ x 2))")
        assertTree("a - b - c", "(- (- a b) c)")
        assertTree("2^3^2", "(^ 2 (^ 3 2))")
        assertTree("a @ b.T", "(@ a (T b))")
        assertTree("x[0]", "(row x 0)")
        assertTree("a + b * c", "(+ a (* b c))")
        assertTree("a * b @ c / d", "(/ (@ (* a b) c) d)")
        assertTree("-a * b", "(* (neg a) b)")
        assertTree("--a", "(neg (neg a))")
        assertTree("2^-1", "(^ 2 (neg 1))")
        assertTree("2^-3^2", "(^ 2 (neg (^ 3 2)))")
        assertTree("(-x)^2", "(^ (neg x) 2)")
        assertTree("(a + b) * c", "(* (+ a b) c)")
        assertTree("(a + b).T", "(T (+ a b))")
        assertTree("x.T.T", "(T (T x))")
        assertTree("x.T^2", "(^ (T x) 2)")
        assertTree("x[i + 1].T", "(T (row x (+ i 1)))")
        assertTree("x[0][1]", "(row (row x 0) 1)")
    }

    func testASCIIPlusMinusOutsideToleranceIsPlusNegative() {
        assertTree("a +- b * c", "(+ a (* (neg b) c))")
    }

    func testNames() {
        assertTree("η * θ", "(* η θ)")
        assertTree("net.1.W", "net.1.W")
        assertTree("net.2.z + 1", "(+ net.2.z 1)")
        assertTree("net.1.W.T", "(T net.1.W)")
        assertTree("x_1 + y_hat", "(+ x_1 y_hat)")
        assertTree("ŷ - x̄", "(- ŷ x̄)")
        assertTree("_private", "_private")
        assertTree("x.Tw", "x.Tw")
    }

    func testCalls() {
        assertTree("softmax(x, axis: 1)", "(softmax x axis: 1)")
        assertTree("grad(L, W)", "(grad L W)")
        assertTree("net(x)", "(net x)")
        assertTree("net.1(x)", "(net.1 x)")
        assertTree("f()", "(f)")
        assertTree("sgd(0.1, momentum: 0.9, nesterov: true)", "(sgd 0.1 momentum: 0.9 nesterov: true)")
        assertTree("exp(-x).T", "(T (exp (neg x)))")

        guard let call = expression("csv(\"file.csv\", header: true)"),
            case .call(let name, let arguments) = call.kind
        else { return XCTFail("not a call") }
        XCTAssertEqual(name, "csv")
        XCTAssertEqual(arguments.map(\.label), [nil, "header"])
        XCTAssertEqual(arguments[0].value.kind, .string("file.csv"))
        XCTAssertEqual(arguments[1].location.column, 17)
    }

    func testMatrices() {
        assertTree("[1, 2; 3, 4]", "[1 2; 3 4]")
        assertTree("[1, 2, 3]", "[1 2 3]")
        assertTree("[1; 2]", "[1; 2]")
        assertTree("[-1, a + b]", "[(neg 1) (+ a b)]")
        assertTree("[1, 2][0]", "(row [1 2] 0)")
        guard let matrix = expression("[1, 2, 3]"), case .matrix(let rows) = matrix.kind else {
            return XCTFail("not a matrix")
        }
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows[0].count, 3)
    }

    func testStrings() {
        XCTAssertEqual(expression("\"data/train #1.csv\"")?.kind, .string("data/train #1.csv"))
    }

    func testLocations() throws {
        let parsed = try parseExpression("a + b * c", file: "f.md", line: 7)
        XCTAssertEqual(parsed.location, SourceLocation(file: "f.md", line: 7, column: 1))
        guard case .binary(.add, _, let product, let plus) = parsed.kind else { return XCTFail("not a sum") }
        XCTAssertEqual(plus.column, 3)
        XCTAssertEqual(product.location.column, 5)
        guard case .binary(.multiply, _, let c, let times) = product.kind else { return XCTFail("not a product") }
        XCTAssertEqual(times.column, 7)
        XCTAssertEqual(c.location.column, 9)

        let unicode = try parseExpression("\tη @ θ.T")
        guard case .binary(_, _, let transpose, let at) = unicode.kind else { return XCTFail("not a product") }
        XCTAssertEqual(unicode.location.column, 2, "a tab is one column")
        XCTAssertEqual(at.column, 4)
        XCTAssertEqual(transpose.location.column, 6)
    }

    func testExpressionMaySpanLines() {
        assertTree("f(a,\n  b)", "(f a b)")
    }

    func testUnclosedParenthesis() {
        let error = expressionError("(a + b")
        XCTAssertEqual(error?.message, "expected ')' to close '(' at 1:1, found end of line")
        XCTAssertEqual(error?.location.column, 7)
    }

    func testMissingComma() {
        let error = expressionError("f(a b)")
        XCTAssertEqual(error?.message, "expected ',' or ')' to close '(' at 1:2, found 'b'")
        XCTAssertEqual(error?.location.column, 5)
    }

    func testMissingOperand() {
        let error = expressionError("a * ")
        XCTAssertEqual(error?.message, "expected an expression, found end of line")
        XCTAssertEqual(error?.location.column, 4)
    }

    func testMalformedNumbers() {
        for (text, message, column) in [
            ("1e", "invalid number '1e'", 1),
            ("x + 1.2.3", "invalid number '1.2.3'", 5),
            ("3x", "invalid number '3x'", 1),
            ("2 * 1e+", "invalid number '1e'", 5),
            ("1e999", "number '1e999' is too large", 1),
        ] {
            let error = expressionError(text)
            XCTAssertEqual(error?.message, message, text)
            XCTAssertEqual(error?.location.column, column, text)
        }
    }

    func testRangesAreNotMalformedNumbers() throws {
        var tokens = Lexer.lex(Array("-1..5 0.5..1.5".unicodeScalars), file: "f", line: 1).tokens
        tokens.removeAll { $0.isSymbol(.minus) }
        XCTAssertEqual(
            tokens.map(\.kind),
            [
                .number(1), .symbol(.range), .number(5),
                .number(0.5), .symbol(.range), .number(1.5),
            ])
    }

    func testUnterminatedString() {
        let error = expressionError("csv(\"data.csv)")
        XCTAssertEqual(error?.message, "expected '\"' to close the string at 1:5, found end of line")
        XCTAssertEqual(error?.location.column, 5)
    }

    func testStrayCharacter() {
        let error = expressionError("a $ b")
        XCTAssertEqual(error?.message, "unexpected character '$'")
        XCTAssertEqual(error?.location.column, 3)
        XCTAssertEqual(expressionError("θ ∑ b")?.location.column, 3, "columns count Unicode scalars")
        XCTAssertEqual(expressionError("a \u{200B}+ b")?.message, "unexpected character U+200B")
    }

    func testDotNeedsT() {
        XCTAssertEqual(expressionError("(x).W")?.message, "expected 'T' (transpose) after '.', found 'W'")
    }

    func testMatrixErrors() {
        XCTAssertEqual(expressionError("[]")?.message, "a matrix needs at least one entry")
        let ragged = expressionError("[1, 2; 3]")
        XCTAssertEqual(ragged?.message, "row 2 of the matrix has 1 entry, row 1 has 2 entries")
        XCTAssertEqual(ragged?.location.column, 8)
        XCTAssertEqual(
            expressionError("[1, 2")?.message, "expected ',', ';' or ']' to close '[' at 1:1, found end of line")
    }

    func testTrailingText() {
        XCTAssertEqual(expressionError("a b")?.message, "expected end of expression, found 'b'")
    }
}
