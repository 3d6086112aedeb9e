import Learning
import XCTest

/// `torch.optim.SGD`'s documented rule, written out per entry.
final class SGDTests: XCTestCase {
    func testPlainStep() throws {
        var sgd = try SGD(lr: 0.1)
        var θ = initialParameter.scalars
        try assertFollowsRule(&sgd) { _, g in
            for j in 0..<4 { θ[j] = θ[j] - 0.1 * g[j] }
            return θ
        }
        XCTAssertNil(sgd.state("momentum_buffer", parameter: 0))
    }

    func testMomentumStartsTheBufferAtTheFirstGradient() throws {
        var sgd = try SGD(lr: 0.1, momentum: 0.9)
        var θ = initialParameter.scalars, b = [Double](repeating: 0, count: 4)
        try assertFollowsRule(&sgd) { t, g in
            for j in 0..<4 {
                b[j] = t == 1 ? g[j] : 0.9 * b[j] + g[j]
                θ[j] = θ[j] - 0.1 * b[j]
            }
            return θ
        }
        assertClose(try XCTUnwrap(sgd.state("momentum_buffer", parameter: 0)).scalars, b)
    }

    func testDampening() throws {
        var sgd = try SGD(lr: 0.1, momentum: 0.9, dampening: 0.25)
        var θ = initialParameter.scalars, b = [Double](repeating: 0, count: 4)
        try assertFollowsRule(&sgd) { t, g in
            for j in 0..<4 {
                // Dampening leaves the first step alone: b₁ = g.
                b[j] = t == 1 ? g[j] : 0.9 * b[j] + (1 - 0.25) * g[j]
                θ[j] = θ[j] - 0.1 * b[j]
            }
            return θ
        }
    }

    func testNesterov() throws {
        var sgd = try SGD(lr: 0.1, momentum: 0.9, nesterov: true)
        var θ = initialParameter.scalars, b = [Double](repeating: 0, count: 4)
        try assertFollowsRule(&sgd) { t, g in
            for j in 0..<4 {
                b[j] = t == 1 ? g[j] : 0.9 * b[j] + g[j]
                θ[j] = θ[j] - 0.1 * (g[j] + 0.9 * b[j])
            }
            return θ
        }
    }

    func testWeightDecayEntersTheGradient() throws {
        var sgd = try SGD(lr: 0.1, momentum: 0.8, nesterov: true, weightDecay: 0.05)
        var θ = initialParameter.scalars, b = [Double](repeating: 0, count: 4)
        try assertFollowsRule(&sgd) { t, g in
            for j in 0..<4 {
                let d = g[j] + 0.05 * θ[j]
                b[j] = t == 1 ? d : 0.8 * b[j] + d
                θ[j] = θ[j] - 0.1 * (d + 0.8 * b[j])
            }
            return θ
        }
    }

    func testRefusesWhatPyTorchRefuses() {
        XCTAssertThrowsError(try SGD(lr: -0.1)) { error in
            XCTAssertEqual(
                error as? OptimizerError,
                .invalidOption(optimizer: "sgd", option: "lr", value: -0.1, requirement: "at least 0"))
        }
        XCTAssertThrowsError(try SGD(lr: .nan))
        XCTAssertThrowsError(try SGD(momentum: -0.5))
        XCTAssertThrowsError(try SGD(weightDecay: -1))
        XCTAssertThrowsError(try SGD(nesterov: true)) { error in
            XCTAssertEqual("\(error)", "sgd: nesterov needs a momentum above 0 and dampening 0")
        }
        XCTAssertThrowsError(try SGD(momentum: 0.9, dampening: 0.1, nesterov: true))
        XCTAssertNoThrow(try SGD(lr: 0, momentum: 0.9, nesterov: true))
    }
}
