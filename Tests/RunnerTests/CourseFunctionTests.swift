import Foundation
@testable import Runner
import TutorTestSupport
import XCTest

/// Comparisons, booleans, round, sign, rows, cols and accuracy, with exact numbers.
final class CourseFunctionTests: XCTestCase {
    private func shows(_ statements: String) throws -> [ShowResult] {
        let result = try runChapter("# t\n\n```tutor\n\(statements)\n```\n")
        XCTAssertEqual(result.errors.map(\.message), [])
        return result.shows
    }

    private func error(_ statements: String) throws -> (message: String, line: Int, column: Int)? {
        let result = try runChapter("# t\n\n```tutor\n\(statements)\n```\n")
        return result.errors.first.map { ($0.message, $0.location.line, $0.location.column) }
    }

    func testComparisonsAreOneAndZeroPerEntryAndShowAsBooleans() throws {
        let s = try shows(
            """
            let p = [0.2, 0.7, 0.5, 0.9]
            show p > 0.5, p >= 0.5, p < 0.5, p <= 0.5, p == 0.5, p != 0.5
            let confident = p > 0.5
            show confident, mean(p > 0.5), true, false, confident.T
            """)
        XCTAssertEqual(
            s.map(\.value.scalars),
            [
                [0, 1, 0, 1], [0, 1, 1, 1], [1, 0, 0, 0], [1, 0, 1, 0], [0, 0, 1, 0], [1, 1, 0, 1],
                [0, 1, 0, 1], [0.5], [1], [0], [0, 1, 0, 1],
            ])
        XCTAssertEqual(s.map(\.isBoolean), [true, true, true, true, true, true, true, false, true, true, true])
        XCTAssertEqual(s[6].value.shape, .matrix(1, 4))
        XCTAssertEqual(s[10].value.shape, .matrix(4, 1))
    }

    func testComparisonsBroadcastAndNaNNeverCompares() throws {
        let s = try shows(
            """
            show [1; 2] < [0, 1.5, 3]
            show log(-1) == log(-1), log(-1) != log(-1), log(-1) < 1
            """)
        XCTAssertEqual(s[0].value.shape, .matrix(2, 3))
        XCTAssertEqual(s[0].value.scalars, [0, 1, 1, 0, 0, 1])
        XCTAssertEqual(s.dropFirst().map(\.value.scalars), [[0], [0], [0]])
    }

    func testARedefinedBooleanIsANumberAgain() throws {
        let s = try shows(
            """
            let b = 1 > 0
            let b = 1
            show b
            """)
        XCTAssertEqual(s.map(\.isBoolean), [false])
        let refused = try error("let true = 0")
        XCTAssertEqual(refused?.message, "'true' is a boolean (1 or 0); choose another name")
        XCTAssertEqual(refused.map { [$0.line, $0.column] }, [4, 5])
    }

    func testRoundSignRowsAndCols() throws {
        let s = try shows(
            """
            show round([0.5, 1.5, 2.5, -0.5, -1.7, 0.49])
            show sign([-2, 0, 3])
            show rows(zeros(3, 4)), cols(zeros(3, 4)), rows(7), cols([1, 2])
            """)
        XCTAssertEqual(s.map(\.value.scalars), [[0, 2, 2, 0, -2, 0], [-1, 0, 1], [3], [4], [1], [2]])
        XCTAssertEqual(
            s[0].value.scalars.map { $0.sign }, [.plus, .plus, .plus, .plus, .minus, .plus],
            "round(-0.5) is 0, not -0")
    }

    func testAccuracyOfProbabilitiesAndOfClassScores() throws {
        let s = try shows(
            """
            show accuracy([0.2; 0.7; 0.5; 0.9], [0; 1; 1; 0])
            show accuracy([1, 3, 2; 0, 0, 5; 4, 4, 1], [1; 2; 0])
            show accuracy([1, 3, 2; 0, 0, 5; 4, 4, 1], [0, 1, 0; 1, 0, 0; 0, 1, 0])
            show accuracy([-1, 2; 3, 0.5], [1; 1])
            """)
        // 0.5 is class 0; a tie in the scores takes the first column.
        XCTAssertEqual(s.map(\.value.scalars), [[0.5], [1], [1.0 / 3], [0.5]])
        XCTAssertEqual(s.map(\.isBoolean), [false, false, false, false])
    }

    func testAccuracyRefusesWhatItCannotRead() throws {
        let cases: [(String, String)] = [
            (
                "show accuracy([1.5; 0.2], [1; 0])",
                "accuracy: an n×1 prediction is read as probabilities in [0, 1], but row 0 is 1.5; for logits write accuracy(sigmoid(z), y)"
            ),
            ("show accuracy([0.9; 0.2], [2; 0])", "accuracy: label at row 0 is 2; it must be 0 or 1"),
            ("show accuracy([1, 2; 3, 4], [0; 2])", "accuracy: label at row 1 is 2; it must be a class index 0…1"),
            (
                "show accuracy([0.9; 0.2], [1, 0])",
                "accuracy: the labels must be 2×1 class indices, one per row of the prediction; got 1×2"
            ),
            (
                "show accuracy([1, 2; 3, 4], [1, 1; 0, 1])",
                "accuracy: labels of shape 2×2 are read as one-hot rows, but row 0 is not one 1 among 0s"
            ),
            (
                "show accuracy(0.5, 1)",
                "accuracy: accuracy takes one prediction per row (n×1 probabilities or n×k class scores); got shape scalar"
            ),
        ]
        for (statement, message) in cases {
            let found = try error(statement)
            XCTAssertEqual(found?.message, message, statement)
            XCTAssertEqual(found.map { [$0.line, $0.column] }, [4, 6], statement)
        }
    }

    func testAComparisonOfShapesThatDoNotFitIsLocatedAtTheOperator() throws {
        let found = try error("show [1, 2] < [1, 2, 3]")
        XCTAssertEqual(found.map { [$0.line, $0.column] }, [4, 13])
    }

    /// Steps have derivative 0 off their jumps: the gradient of a loss that
    /// reads them is the gradient of the rest, confirmed by finite differences
    /// computed here and by `check gradients`.
    func testGradientsThroughStepsAreZeroAndAgreeWithFiniteDifferences() throws {
        let result = try runChapter(
            """
            # t

            ```tutor
            param w = [0.3, 1.2, -0.8]
            loss L = sum(w^2 * round(w)) + sum((w > 0) * w) + sum(sign(w) * w^3) + accuracy(w.T > 0, [1; 1; 0])
            show grad(L, w)
            check gradients
            ```

            """)
        XCTAssertEqual(result.errors.map(\.message), [])
        func f(_ w: [Double]) -> Double {
            w.map { $0 * $0 * $0.rounded(.toNearestOrEven) + ($0 > 0 ? $0 : 0) + ($0 > 0 ? 1 : -1) * $0 * $0 * $0 }
                .reduce(0, +)
        }
        let w = [0.3, 1.2, -0.8]
        let differences = centralDifferences(at: w, step: 1e-6, f)
        let autodiff = try XCTUnwrap(result.shows.first).value.scalars
        // 2w·round(w) + [w > 0] + 3w²·sign(w)
        let exact = [1 + 3 * 0.09, 2.4 + 1 + 3 * 1.44, 1.6 - 3 * 0.64]
        for i in w.indices {
            XCTAssertEqual(autodiff[i], exact[i], accuracy: 1e-12)
            XCTAssertEqual(autodiff[i], differences[i], accuracy: 1e-6)
        }
        XCTAssertEqual(result.checks.map(\.status), [.passed])
    }

    func testAGradientCheckAtAJumpSkipsItAsAtAKink() throws {
        let result = try runChapter(
            """
            # t

            ```tutor
            param w = [0.5, 2]
            loss L = sum(round(w) * w)
            check gradients
            ```

            """)
        let check = try XCTUnwrap(result.checks.first)
        XCTAssertEqual(check.status, .passed)
        XCTAssertEqual(check.rows.first?.comparison.skippedNearKink, 1)
    }
}

/// A formula marked shown is never checked: a check of it is a located error.
final class ShownFormulaCheckTests: XCTestCase {
    func testCheckingAFormulaMarkedShownIsAnErrorOfTheCheck() throws {
        let result = try runChapter(
            """
            # t

            <!-- tutor: show -->
            $$
            y = 2 w
            $$

            ```tutor
            let w = 1
            let y = 2
            check formula
            show y
            ```

            """)
        let check = try XCTUnwrap(result.checks.first)
        XCTAssertEqual(check.status, .error)
        XCTAssertEqual(check.failure, .shownUnchecked)
        XCTAssertEqual(
            check.message,
            "the formula above is marked <!-- tutor: show --> (shown, not checked); "
                + "remove the mark to check it")
        XCTAssertEqual([check.line, check.column], [11, 1])
        XCTAssertEqual(result.shows.count, 1, "the chapter goes on")
    }
}
