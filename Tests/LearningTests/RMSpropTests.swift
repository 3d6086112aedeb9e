import Foundation
import Learning
import XCTest

/// `torch.optim.RMSprop`'s documented rule, written out per entry.
final class RMSpropTests: XCTestCase {
    func testPlainStep() throws {
        var rmsprop = try RMSprop(lr: 0.01, alpha: 0.9)
        var θ = initialParameter.scalars, sq = [Double](repeating: 0, count: 4)
        try assertFollowsRule(&rmsprop) { _, g in
            for j in 0..<4 {
                sq[j] = 0.9 * sq[j] + (1 - 0.9) * g[j] * g[j]
                θ[j] = θ[j] - 0.01 * g[j] / (sqrt(sq[j]) + 1e-8)
            }
            return θ
        }
        assertClose(try XCTUnwrap(rmsprop.state("square_avg", parameter: 0)).scalars, sq)
        XCTAssertNil(rmsprop.state("grad_avg", parameter: 0))
        XCTAssertNil(rmsprop.state("momentum_buffer", parameter: 0))
    }

    func testCentredSubtractsTheSquaredMeanGradient() throws {
        var rmsprop = try RMSprop(lr: 0.01, alpha: 0.9, centered: true)
        var θ = initialParameter.scalars, sq = [Double](repeating: 0, count: 4), ga = sq
        try assertFollowsRule(&rmsprop) { _, g in
            for j in 0..<4 {
                sq[j] = 0.9 * sq[j] + (1 - 0.9) * g[j] * g[j]
                ga[j] = 0.9 * ga[j] + (1 - 0.9) * g[j]
                θ[j] = θ[j] - 0.01 * g[j] / (sqrt(sq[j] - ga[j] * ga[j]) + 1e-8)
            }
            return θ
        }
        assertClose(try XCTUnwrap(rmsprop.state("grad_avg", parameter: 0)).scalars, ga)
    }

    func testMomentumBuffersTheScaledGradient() throws {
        var rmsprop = try RMSprop(lr: 0.01, alpha: 0.9, momentum: 0.5)
        var θ = initialParameter.scalars, sq = [Double](repeating: 0, count: 4), b = sq
        try assertFollowsRule(&rmsprop) { _, g in
            for j in 0..<4 {
                sq[j] = 0.9 * sq[j] + (1 - 0.9) * g[j] * g[j]
                b[j] = 0.5 * b[j] + g[j] / (sqrt(sq[j]) + 1e-8)
                θ[j] = θ[j] - 0.01 * b[j]
            }
            return θ
        }
        assertClose(try XCTUnwrap(rmsprop.state("momentum_buffer", parameter: 0)).scalars, b)
    }

    func testCentredWithMomentumAndWeightDecay() throws {
        var rmsprop = try RMSprop(lr: 0.01, alpha: 0.9, weightDecay: 0.1, momentum: 0.5, centered: true)
        var θ = initialParameter.scalars, sq = [Double](repeating: 0, count: 4), ga = sq, b = sq
        try assertFollowsRule(&rmsprop) { _, g in
            for j in 0..<4 {
                let d = g[j] + 0.1 * θ[j]
                sq[j] = 0.9 * sq[j] + (1 - 0.9) * d * d
                ga[j] = 0.9 * ga[j] + (1 - 0.9) * d
                b[j] = 0.5 * b[j] + d / (sqrt(sq[j] - ga[j] * ga[j]) + 1e-8)
                θ[j] = θ[j] - 0.01 * b[j]
            }
            return θ
        }
    }

    /// The same configuration computed with NumPy, vectorised straight from the
    /// documented pseudo-code (a one-off script; values printed with repr).
    func testAgreesWithNumPy() throws {
        var rmsprop = try RMSprop(lr: 0.01, alpha: 0.9, weightDecay: 0.1, momentum: 0.5, centered: true)
        let numpy: [[Double]] = [
            [1.4666666691358023, -1.9666666674603175, 0.7166666670981661, 2.9666666702508957],
            [1.4750938396581783, -1.9549407367262697, 0.685026471301849, 2.9824264955763753],
            [1.4702753062943934, -1.9643965105268912, 0.6856323536609297, 2.976300946799662],
        ]
        try assertFollowsRule(&rmsprop) { t, _ in numpy[t - 1] }
    }

    func testRefusesNegativeValues() {
        XCTAssertThrowsError(try RMSprop(lr: -1))
        XCTAssertThrowsError(try RMSprop(alpha: -0.1))
        XCTAssertThrowsError(try RMSprop(eps: -1))
        XCTAssertThrowsError(try RMSprop(weightDecay: -1))
        XCTAssertThrowsError(try RMSprop(momentum: -1))
    }
}
