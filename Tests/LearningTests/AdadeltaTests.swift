import Foundation
import Autodiff
import Learning
import XCTest

/// `torch.optim.Adadelta`'s documented rule, written out per entry.
final class AdadeltaTests: XCTestCase {
    func testPlainStep() throws {
        var adadelta = try Adadelta()
        var θ = initialParameter.scalars, v = [Double](repeating: 0, count: 4), u = v
        try assertFollowsRule(&adadelta) { _, g in
            for j in 0..<4 {
                v[j] = v[j] * 0.9 + g[j] * g[j] * (1 - 0.9)
                let Δx = sqrt(u[j] + 1e-6) / sqrt(v[j] + 1e-6) * g[j]
                u[j] = u[j] * 0.9 + Δx * Δx * (1 - 0.9)
                θ[j] = θ[j] - 1.0 * Δx
            }
            return θ
        }
        assertClose(try XCTUnwrap(adadelta.state("square_avg", parameter: 0)).scalars, v)
        assertClose(try XCTUnwrap(adadelta.state("acc_delta", parameter: 0)).scalars, u)
    }

    /// From zero buffers the first step is γ g √(ε / ((1 − ρ) g² + ε)): for a
    /// gradient far above √ε about γ √(ε / (1 − ρ)) against its sign, whatever its size.
    func testFirstStepHasTheSizeOfItsEpsilon() throws {
        var adadelta = try Adadelta(lr: 1, rho: 0.9, eps: 1e-6)
        var parameters = [Tensor(rows: [[0, 0, 0]])]
        try adadelta.step(&parameters, gradients: [Tensor(rows: [[0.5, -20, 300]])])
        let size = (1e-6 / 0.1).squareRoot()
        for (θ, g) in zip(parameters[0].scalars, [0.5, -20, 300]) {
            XCTAssertEqual(θ, -g * (1e-6 / (0.1 * g * g + 1e-6)).squareRoot(), accuracy: 1e-15)
            XCTAssertEqual(abs(θ), size, accuracy: 1e-4 * size)
        }
    }

    func testWeightDecayIsAddedToTheGradient() throws {
        var adadelta = try Adadelta(lr: 0.5, rho: 0.8, weightDecay: 0.1)
        var θ = initialParameter.scalars, v = [Double](repeating: 0, count: 4), u = v
        try assertFollowsRule(&adadelta) { _, g in
            for j in 0..<4 {
                let d = g[j] + 0.1 * θ[j]
                v[j] = v[j] * 0.8 + d * d * (1 - 0.8)
                let Δx = sqrt(u[j] + 1e-6) / sqrt(v[j] + 1e-6) * d
                u[j] = u[j] * 0.8 + Δx * Δx * (1 - 0.8)
                θ[j] = θ[j] - 0.5 * Δx
            }
            return θ
        }
    }

    /// The same configuration computed in Python from the documented algorithm
    /// box, apart from this code (a one-off script; values printed with repr).
    func testAgreesWithPython() throws {
        var adadelta = try Adadelta(lr: 0.5, rho: 0.8, weightDecay: 0.1)
        let python: [[Double]] = [
            [1.4988819798138833, -1.998881967437311, 0.7488819664327916, 2.9988819950952865],
            [1.5001580236653183, -1.9991314801596403, 0.7481634775234122, 3.0004465423816518],
            [1.4995441381434307, -1.9999301723980418, 0.7490791765985441, 2.9994404926349665],
        ]
        try assertFollowsRule(&adadelta) { t, _ in python[t - 1] }
    }

    func testRefusesValuesPyTorchRefuses() throws {
        XCTAssertThrowsError(try Adadelta(lr: -1))
        XCTAssertThrowsError(try Adadelta(rho: -0.1))
        XCTAssertThrowsError(try Adadelta(rho: 1.5)) { error in
            XCTAssertEqual(
                error as? OptimizerError,
                .invalidOption(
                    optimizer: "adadelta", option: "rho", value: 1.5,
                    requirement: "in [0, 1]"))
        }
        XCTAssertThrowsError(try Adadelta(eps: -1))
        XCTAssertThrowsError(try Adadelta(weightDecay: -1))
        // PyTorch allows both ends of rho: 1 never forgets, 0 keeps the last step only.
        XCTAssertEqual(try Adadelta(rho: 1).rho, 1)
        XCTAssertEqual(try Adadelta(rho: 0).rho, 0)
    }
}
