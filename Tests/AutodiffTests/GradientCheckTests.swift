@testable import Autodiff
import XCTest

/// The engine's gradient check: it must pass right gradients, catch wrong ones,
/// skip kinks, and scale to large values.
final class GradientCheckTests: XCTestCase {
    var random = TestRandom(seed: 5)

    func testPassesACorrectGradient() throws {
        let x = random.tensor(.matrix(3, 3), -2, 2)
        let report = try checkGradient(at: x) { try $0.tanh().exp().sum() }
        XCTAssertTrue(report.passed)
        XCTAssertEqual(report.method, .entries)
        XCTAssertEqual(report.checked, 9)
        XCTAssertEqual(report.skippedNearKink, 0)
        XCTAssertLessThan(report.maxRelativeError, 1e-7)
    }

    /// sum(W²) over 40,000 and 160,000 entries: the rounding of f itself is
    /// allowed for (it grows with the number of terms and |f|), so a right
    /// gradient passes, while one 1% off — far above that rounding — fails.
    func testLargeSumsPassRightAndCatchWrongGradients() throws {
        for n in [200, 400] {
            for scale in [1.0, 100.0] {
                let w = random.tensor(.matrix(n, n), -2 * scale, 2 * scale)
                let right = try checkGradient(at: w) { try ($0 * $0).sum() }
                XCTAssertTrue(right.passed, "\(n)×\(n) at scale \(scale): \(right)")
                let wrong = w.map { 2 * $0 * 1.01 }
                let report = try checkGradient(at: w, gradient: wrong) { try ($0 * $0).sum() }
                XCTAssertFalse(report.passed, "\(n)×\(n) at scale \(scale): a gradient 1% off passed")
            }
        }
        // The allowance is negligible at the sizes of a small chapter.
        XCTAssertLessThan(GradientCheckOptions.roundoff(terms: 20, sumOfMagnitudes: 2, divisor: 2e-6), 1e-8)
    }

    func testCatchesAWrongGradient() throws {
        // exp with the derivative of a different function.
        func wrongExp(_ v: Variable) -> Variable {
            v.elementwise("wrong exp", Foundation.exp) { x, _ in 2 * x }
        }
        let x = random.tensor(.matrix(2, 2), 0.5, 1)
        let report = try checkGradient(at: x) { try wrongExp($0).sum() }
        XCTAssertFalse(report.passed)
        XCTAssertEqual(report.failed, 4)
        let worst = try XCTUnwrap(report.worst)
        XCTAssertEqual(worst.finiteDifference, exp(x.scalars[worst.row! * 2 + worst.column!]), accuracy: 1e-6)
    }

    func testChecksASuppliedGradientInsteadOfItsOwn() throws {
        let x = random.tensor(.matrix(2, 3), -1, 1)
        let f: (Variable) throws -> Variable = { try $0.tanh().sum() }
        let correct = Tensor.zip(x, x, to: x.shape) { v, _ in 1 - Foundation.tanh(v) * Foundation.tanh(v) }
        XCTAssertTrue(try checkGradient(at: x, gradient: correct, f).passed)

        // A gradient from a graph that missed a path: f itself is right, the supplied gradient is not.
        var wrong = correct
        wrong.scalars[4] *= 0.5
        let report = try checkGradient(at: x, gradient: wrong, f)
        XCTAssertFalse(report.passed, "a wrong supplied gradient is a disagreement")
        XCTAssertEqual(report.failed, 1)
        XCTAssertEqual(report.worst?.row, 1)
        XCTAssertEqual(report.worst?.column, 1)
        XCTAssertEqual(try XCTUnwrap(report.worst).autodiff, wrong.scalars[4])

        let large = random.tensor(.matrix(40, 30), -1, 1)
        var wrongLarge = Tensor.zip(large, large, to: large.shape) { v, _ in 1 - Foundation.tanh(v) * Foundation.tanh(v)
        }
        wrongLarge.scalars[7] += 1
        var options = GradientCheckOptions()
        options.maximumEntries = 100
        let directional = try checkGradient(at: large, gradient: wrongLarge, options: options, f)
        XCTAssertEqual(directional.method, .randomDirections(16))
        XCTAssertFalse(directional.passed, "random directions see a wrong supplied gradient too")

        XCTAssertThrowsError(try checkGradient(at: x, gradient: Tensor.zeros(.matrix(3, 2)), f), "shapes must match")
    }

    func testOptionsSayTheStepAndTheAgreement() {
        var options = GradientCheckOptions()
        XCTAssertEqual(options.step(at: 0.5), 1e-6)
        XCTAssertEqual(options.step(at: -300), 3e-4, accuracy: 1e-18)
        XCTAssertTrue(options.agrees(autodiff: 100.005, finiteDifference: 100))
        XCTAssertFalse(options.agrees(autodiff: 100.02, finiteDifference: 100))
        XCTAssertFalse(options.agrees(autodiff: .nan, finiteDifference: 1))
        options.relativeTolerance = 1e-3
        XCTAssertTrue(options.agrees(autodiff: 100.02, finiteDifference: 100))
    }

    func testSkipsEntriesAtAKink() throws {
        let x = Tensor(rows: [[0, 1e-9, 0.5, -0.5]])
        let report = try checkGradient(at: x) { try $0.relu().sum() }
        XCTAssertEqual(report.skippedNearKink, 2, "\(report)")
        XCTAssertEqual(report.checked, 2)
        XCTAssertTrue(report.passed)

        let tie = Tensor(rows: [[3, 3, 1]])
        let maxReport = try checkGradient(at: tie) { try $0.max() }
        XCTAssertEqual(maxReport.skippedNearKink, 2)
        XCTAssertTrue(maxReport.passed)
    }

    func testRetriesWithTheFivePointStencil() throws {
        // e^{30000x} at 0: the central difference is off by about 1.5e-4
        // relative; the five-point stencil is exact to about 3e-8.
        let report = try checkGradient(at: Tensor(0)) { x in
            try (x * Variable(Tensor(30000))).exp()
        }
        XCTAssertTrue(report.passed, "\(report)")
        XCTAssertEqual(report.richardsonRetries, 1)
    }

    func testLargeValuesUseRandomDirections() throws {
        var options = GradientCheckOptions()
        options.maximumEntries = 50
        options.directions = 8
        let x = random.tensor(.matrix(20, 10))
        let w = Variable(random.tensor(.matrix(10, 3)))
        let report = try checkGradient(at: x, options: options) { try Variable.matmul($0, w).sigmoid().sum() }
        XCTAssertEqual(report.method, .randomDirections(8))
        XCTAssertEqual(report.checked, 8)
        XCTAssertTrue(report.passed)
        XCTAssertNil(report.worst?.row)

        let again = try checkGradient(at: x, options: options) { try Variable.matmul($0, w).sigmoid().sum() }
        XCTAssertEqual(report, again, "seeded: the same directions every time")
    }

    func testRandomDirectionsCatchAWrongGradient() throws {
        var options = GradientCheckOptions()
        options.maximumEntries = 10
        let x = random.tensor(.matrix(6, 6), 0.5, 1)
        let report = try checkGradient(at: x, options: options) { v in
            try v.elementwise("wrong", Foundation.exp) { _, y in 1.01 * y }.sum()
        }
        XCTAssertFalse(report.passed)
    }
}

extension GradientCheckTests {
    func testAValueInALargeGraphUsesRandomDirections() throws {
        // 40 entries, but each evaluation reads a 20000×40 matrix: too much work entry by entry.
        var random = TestRandom(seed: 6)
        let data = Variable(random.tensor(.matrix(20000, 40)))
        let w = random.tensor(.matrix(40, 1))
        let report = try checkGradient(at: w) { try Variable.matmul(data, $0).tanh().sum() }
        XCTAssertEqual(report.method, .randomDirections(16))
        XCTAssertTrue(report.passed)
        var generous = GradientCheckOptions()
        generous.maximumWork = .max
        XCTAssertEqual(
            try checkGradient(at: w, options: generous) { try Variable.matmul(data, $0).tanh().sum() }.method,
            .entries)
    }
}
