@testable import Notation
import XCTest

/// Comparisons in expressions (`p > 0.5`), `!=`, `≠`, and `...` as a range.
final class ComparisonParserTests: XCTestCase {
    func testComparisonsAreLoosestAndNonAssociative() {
        let cases: [(String, String)] = [
            ("p > 0.5", "(> p 0.5)"),
            ("a + 1 <= b * 2", "(<= (+ a 1) (* b 2))"),
            ("x >= -1", "(>= x (neg 1))"),
            ("y == 1", "(== y 1)"),
            ("y != 1", "(!= y 1)"),
            ("y ≠ 1", "(!= y 1)"),
            ("a ≤ b", "(<= a b)"),
            ("mean(net(x) > 0.5)", "(mean (> (net x) 0.5))"),
            ("(a < b) * (b < c)", "(* (< a b) (< b c))"),
            ("[a < b, 1]", "[(< a b) 1]"),
        ]
        for (text, prefix) in cases {
            XCTAssertEqual(expression(text)?.prefixForm, prefix, text)
        }
        let chained = expressionError("a < b < c")
        XCTAssertEqual(chained?.message, "comparisons do not chain: write (a < b) * (b < c) for both")
        XCTAssertEqual(chained?.location.column, 7)
    }

    func testDescriptionReadsBack() {
        for text in ["p > 0.5", "(a < b) * (b < c)", "a - b != 0", "(a == b) == c"] {
            guard let parsed = expression(text) else { continue }
            XCTAssertEqual(parsed.description, text)
            XCTAssertEqual(expression(parsed.description)?.prefixForm, parsed.prefixForm)
        }
    }

    func testBangAloneIsNotAnOperator() {
        XCTAssertEqual(expressionError("a ! b")?.message, "unexpected character '!'")
    }

    func testLetOfAComparison() {
        guard case .let(let name, let value) = statement("let correct = (net(x) > 0.5) == y") else { return XCTFail() }
        XCTAssertEqual(name.name, "correct")
        XCTAssertEqual(value.prefixForm, "(== (> (net x) 0.5) y)")
    }

    func testExpectTakesSumsOnEachSide() {
        guard case .expect(.comparison(let left, .notEqual, let right)) = statement("expect a != b + 1") else {
            return XCTFail()
        }
        XCTAssertEqual([left.prefixForm, right.prefixForm], ["a", "(+ b 1)"])
        guard case .expect(.comparison(let inner, .equal, _)) = statement("expect (p > 0.5) == y") else {
            return XCTFail()
        }
        XCTAssertEqual(inner.prefixForm, "(> p 0.5)")
        let chained = statementError("expect 0 < x < 1")
        XCTAssertEqual(
            chained?.message, "comparisons do not chain: write expect (a < b) * (b < c) == 1, or two expects")
        XCTAssertEqual(chained?.location.column, 14)
    }

    func testThreeDotsAreARange() {
        guard case .plotSurface(let plot) = statement("plot surface L over w in -2...2, b in 0...1.5") else {
            return XCTFail()
        }
        XCTAssertEqual(plot.axes.map { "\($0.lower)..\($0.upper)" }, ["-2..2", "0..1.5"])
    }
}
