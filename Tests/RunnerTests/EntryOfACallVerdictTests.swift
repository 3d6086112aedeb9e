@testable import Runner
import XCTest

/// An entry of a function's value (`\mathrm{softmax}(\mathbf{o})_j`), checked at
/// every entry like a chapter value's `y_j`: right formulas pass, wrong ones fail.
final class EntryOfACallVerdictTests: XCTestCase {
    private let values = """
        # Entries

        ```tutor
        let o = [0.5, -1.0, 2.0, 0.25]
        let y = [0, 0, 1, 0]
        let s = [1, 2, 3]
        let W = [0.1, -0.2; 0.3, 0.4]
        loss l = cross_entropy(o, y)
        ```


        """

    func testTheSoftmaxGradientOfD2lHoldsAtEveryEntry() throws {
        let result = try runChapter(
            values
                + formula(#"\partial_{o_j} l = \mathrm{softmax}(\mathbf{o})_j - y_j"#)
                + formula(#"\partial_{o_j} l = \mathrm{softmax}(\mathbf{o})_j"#)
                + formula(#"\partial_{o_j} l = \mathrm{softmax}(\mathbf{o})_j + y_j"#))
        XCTAssertEqual(
            result.formulaChecks.map(\.status), [.passed, .failed, .failed],
            result.formulaChecks.map(\.message).description)
        XCTAssertEqual(result.formulaChecks.first?.equations.first?.subject, EquationSubject(components: ["j"]))
    }

    func testTwoIndicesPickARowAndAColumn() throws {
        let result = try runChapter(
            values
                + formula(#"\exp(W)_{jk} = \exp(W_{jk})"#)
                + formula(#"\exp(W)_{jk} = \exp(W_{kj})"#))
        XCTAssertEqual(
            result.formulaChecks.map(\.status), [.passed, .failed],
            result.formulaChecks.map(\.message).description)
    }

    func testAnIndexOverTwoSizesDoesNotFit() throws {
        let result = try runChapter(values + formula(#"\mathrm{softmax}(\mathbf{o})_j = s_j"#))
        XCTAssertEqual(result.formulaChecks.map(\.status), [.failed], result.formulaChecks.map(\.message).description)
        let equation = try XCTUnwrap(result.formulaChecks[0].equations.first)
        XCTAssertEqual(equation.subject, EquationSubject(components: ["j"]))
        XCTAssertEqual(equation.message, "the index j runs over 3 entries in s_j and 4 in softmax(o)_j")
    }
}
