@testable import Notation
import XCTest

private let origin = SourceLocation(file: "c.md", line: 5, column: 3)

/// d2l's `\mathrm{softmax}(\mathbf{o})_j`: a subscript i, j or k on a function's
/// value is an entry of that value; any other subscript on it stays refused.
final class EntryOfACallTests: XCTestCase {
    private func right(_ latex: String) -> String? {
        let reading = readFormula("y = " + latex, at: origin)
        XCTAssertEqual(reading.diagnostics.map(\.description), [], latex)
        return reading.equations.first?.right.prefixForm
    }

    func testAnIndexOnAFunctionsValueIsItsEntry() throws {
        XCTAssertEqual(right(#"\mathrm{softmax}(\mathbf{o})_j"#), "(entry (softmax (symbol o)) j)")
        XCTAssertEqual(right(#"\exp(x)_{jk}"#), "(entry (exp (symbol x)) j k)")
        XCTAssertEqual(
            right(#"\mathrm{softmax}(\mathbf{o})_j - y_j"#),
            "(- (entry (softmax (symbol o)) j) (symbol y_j))")
        let equation = try XCTUnwrap(
            readFormula(
                #"\partial_{o_j} l = \mathrm{softmax}(\mathbf{o})_j - y_j"#,
                at: origin
            ).equations.first)
        XCTAssertEqual("\(equation.right)", "softmax(o)_j - y_j")
    }

    func testAnyOtherSubscriptOnAValueIsRefused() {
        for latex in [#"\exp(x)_t"#, #"\exp(x)_1"#, #"\exp(x)_{ijk}"#, #"(a + b)_j"#] {
            let reading = readFormula("y = " + latex, at: origin)
            XCTAssertEqual(
                reading.diagnostics.map(\.message), ["a subscript is read only as part of a name (x_1, \\theta_t)"],
                latex)
        }
    }
}
