@testable import Notation
import XCTest

final class ExprStructureTests: XCTestCase {
    func testSameStructureIgnoresLocationsAndLayout() throws {
        let spaced = try parseExpression("  x @ W.T  +  b", file: "a.md", line: 3)
        let tight = try parseExpression("((x@W.T)+b)", file: "b.md", line: 9)
        XCTAssertNotEqual(spaced, tight, "== compares locations")
        XCTAssertTrue(spaced.hasSameStructure(as: tight))
    }

    func testDifferencesInStructure() throws {
        let pairs = [
            ("a - b - c", "a - (b - c)"), ("f(x, axis: 1)", "f(x, axis: 0)"), ("f(x, axis: 1)", "f(x, 1)"),
            ("f(x)", "g(x)"), ("[1, 2; 3, 4]", "[1, 2, 3, 4]"), ("x[0]", "x[1]"), ("-x", "x"),
            ("x.T", "x"), ("a * b", "a @ b"), ("\"a\"", "a"), ("1", "1.5"),
        ]
        for (a, b) in pairs {
            XCTAssertFalse(try parseExpression(a).hasSameStructure(as: parseExpression(b)), "\(a) vs \(b)")
            XCTAssertTrue(try parseExpression(a).hasSameStructure(as: parseExpression(a)), a)
        }
    }
}
