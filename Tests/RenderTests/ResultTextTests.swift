import Autodiff
@testable import Render
import Runner
import XCTest

/// Sentences Render writes from a result's data.
final class ResultTextTests: XCTestCase {
    func testAnExpectationThatHoldsDoesNotSayByHowMuch() {
        let held = ExpectationOutcome(
            left: "w", relation: "≈", leftValue: .number(2.0000003), rightValue: .number(2),
            tolerance: "0.01", worst: 3e-7, holds: true)
        XCTAssertEqual(CheckText.expectation(held), "w = 2, within ±0.01 of 2")
        let missed = ExpectationOutcome(
            left: "w", relation: "≈", leftValue: .number(2.5), rightValue: .number(2),
            tolerance: "0.01", worst: 0.5, holds: false)
        XCTAssertEqual(CheckText.expectation(missed), "w = 2.5, not within ±0.01 of 2 (off by 0.5)")
    }

    func testAComparisonNamesMatricesByShape() {
        let e = ExpectationOutcome(
            left: "L", relation: "<", leftValue: .matrix(.matrix(2, 3)), rightValue: .number(0.05),
            holds: false)
        XCTAssertEqual(CheckText.expectation(e), "L = a 2×3 value not < 0.05")
    }

    func testGradientChecksAreWrittenFromTheirRows() {
        var disagreeing = GradientCheckReport(method: .entries)
        disagreeing.failed = 1
        var check = CheckResult(
            line: 3, kind: .gradients, source: "check gradients", status: .failed, message: "",
            rows: [
                CheckRow(subject: "W", comparison: GradientCheckReport(method: .entries)),
                CheckRow(subject: "b", comparison: disagreeing),
            ])
        XCTAssertEqual(CheckText.message(check), "autodiff and finite differences disagree for b")
        check.rows[1].comparison.failed = 0
        XCTAssertEqual(CheckText.message(check), "autodiff agrees with finite differences for W, b")
    }

    func testAGradientRowSaysWhatWasComparedAndTheWorstDisagreement() {
        var report = GradientCheckReport(method: .entries)
        report.checked = 6
        report.skippedNearKink = 2
        XCTAssertEqual(GradientCheckText.detail(report), "6 entries checked, 2 skipped at a kink")
        report.failed = 1
        report.worst = .init(row: 0, column: 1, autodiff: 0.71188, finiteDifference: 0)
        XCTAssertEqual(
            GradientCheckText.detail(report),
            "6 entries checked, 2 skipped at a kink, 1 disagree; "
                + "worst at entry (0, 1): autodiff 0.7119, finite differences 0")
        var directions = GradientCheckReport(method: .randomDirections(16))
        directions.richardsonRetries = 1
        XCTAssertEqual(
            GradientCheckText.detail(directions), "16 random directions checked, 1 confirmed by the five-point stencil")
    }

    /// An algorithm box's rows are told apart by their statuses: those assigned
    /// again are intermediates, those its tests leave out are not applicable.
    func testAnAlgorithmBoxCountsIntermediatesAndRowsNotApplicable() {
        var intermediate = EquationResult(index: 1, source: #"g_t \leftarrow g_t"#, status: .intermediate)
        intermediate.defined = DefinedSymbol(symbol: "g_t")
        var skipped = EquationResult(index: 2, source: "", status: .notApplicable)
        skipped.unmetTest = UnmetTest(
            source: #"\textit{nesterov}"#, holds: false, values: [.flag(name: "nesterov", isSet: false)])
        var defined = EquationResult(index: 3, source: "", status: .definition)
        defined.defined = DefinedSymbol(symbol: #"\delta^{(l)}"#, everyLayer: "l")
        var check = CheckResult(line: 9, kind: .formula, source: "check formula", status: .passed, message: "")
        check.equations = [intermediate, skipped, defined]
        XCTAssertEqual(
            CheckText.message(check),
            #"defines \delta^{(l)} for every layer l; 1 intermediate assignment; "#
                + "1 row not applicable to this optimizer; nothing compared")
        XCTAssertEqual(
            EquationText.message(intermediate), "an intermediate: g_t, assigned again below; nothing compared")
        XCTAssertEqual(EquationText.message(skipped), #"not applicable: \textit{nesterov} is false (nesterov = false)"#)
        check.equations.append(EquationResult(index: 4, source: "", status: .passed))
        XCTAssertEqual(
            CheckText.message(check),
            #"1 comparison verified; defines \delta^{(l)} for every layer l; "#
                + "1 intermediate assignment; 1 row not applicable to this optimizer")
    }

    func testAFailedFormulaNamesEachFailingEquationWithItsWorstEntry() {
        var failed = EquationResult(
            index: 2, source: "", subject: EquationSubject(layer: 1, parameter: "W"), status: .failed)
        failed.worst = .init(row: 0, column: 2, left: 1.5, right: 1.25)
        var check = CheckResult(line: 9, kind: .formula, source: "check formula", status: .failed, message: "")
        check.equations = [EquationResult(index: 1, source: "", status: .passed), failed]
        XCTAssertEqual(
            CheckText.message(check), "equation 2 (l = 1, θ = W): the sides differ: worst at (0, 2): 1.5 vs 1.25")
        check.status = .xfail
        XCTAssertEqual(
            CheckText.message(check),
            "does not hold, as expected: equation 2 (l = 1, θ = W) — the sides differ: worst at (0, 2): 1.5 vs 1.25")
        failed.worst = nil
        failed.left = Tensor(shape: .matrix(2, 1), scalars: [1, 2])
        failed.right = Tensor(shape: .matrix(1, 2), scalars: [1, 2])
        XCTAssertEqual(EquationText.message(failed), "the left side has shape 2×1, the right side 1×2")
    }

    func testOptimizersInFullAndInALegend() {
        let sgd = OptimizerSettings(
            name: "sgd", options: [.init(name: "lr", value: 0.1), .init(name: "momentum", value: 0.9)])
        XCTAssertEqual(OptimizerText.full(sgd), "sgd(lr: 0.1, momentum: 0.9)")
        XCTAssertEqual(OptimizerText.legend(sgd, line: 36), "sgd(lr: 0.1) · line 36")
        XCTAssertEqual(OptimizerText.legend(OptimizerSettings(name: "plain"), line: 2), "plain() · line 2")
    }

    func testAPassingCheckShowsItsBoundNotItsNoise() {
        var check = CheckResult(
            line: 1, kind: .formula, source: "check formula", status: .passed,
            maxAbsoluteError: 1.5e-16, maxRelativeError: 4e-14, message: "1 comparison verified")
        check.tolerance = .formula
        XCTAssertEqual(Verdict.measures(check), "every entry within |a − b| ≤ 1e-10 + 1e-7·|b|")
        check.status = .failed
        XCTAssertEqual(Verdict.measures(check), "max abs. error 1.5e-16, max rel. error 4e-14")
        check.kind = .gradients
        check.status = .passed
        check.tolerance = Tolerance(absolute: 1e-6, relative: 1e-4)
        XCTAssertEqual(Verdict.measures(check), "every comparison within |ad − fd| ≤ 1e-6 + 1e-4·|fd|")
    }
}
