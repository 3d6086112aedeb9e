import Autodiff
import Foundation
import Learning
import XCTest

/// `torch.optim.AdamW`'s documented rule, written out per entry.
final class AdamWTests: XCTestCase {
    func testDecoupledDecayBeforeTheAdamStep() throws {
        var adamw = try AdamW(lr: 0.1, beta1: 0.8, beta2: 0.9, weightDecay: 0.05)
        var θ = initialParameter.scalars, m = [Double](repeating: 0, count: 4), v = m
        try assertFollowsRule(&adamw) { t, g in
            for j in 0..<4 {
                θ[j] = θ[j] * (1 - 0.1 * 0.05)
                m[j] = 0.8 * m[j] + (1 - 0.8) * g[j]
                v[j] = 0.9 * v[j] + (1 - 0.9) * g[j] * g[j]
                let mHat = m[j] / (1 - pow(0.8, Double(t)))
                let vHat = v[j] / (1 - pow(0.9, Double(t)))
                θ[j] = θ[j] - 0.1 * mHat / (sqrt(vHat) + 1e-8)
            }
            return θ
        }
        assertClose(try XCTUnwrap(adamw.state("m", parameter: 0)).scalars, m)
        assertClose(try XCTUnwrap(adamw.state("v", parameter: 0)).scalars, v)
        XCTAssertEqual(adamw.state("t", parameter: 0), Tensor(3))
    }

    func testAmsgrad() throws {
        var adamw = try AdamW(lr: 0.1, beta1: 0.8, beta2: 0.9, weightDecay: 0.05, amsgrad: true)
        var θ = initialParameter.scalars, m = [Double](repeating: 0, count: 4), v = m, vMax = m
        try assertFollowsRule(&adamw) { t, g in
            for j in 0..<4 {
                θ[j] = θ[j] * (1 - 0.1 * 0.05)
                m[j] = 0.8 * m[j] + (1 - 0.8) * g[j]
                v[j] = 0.9 * v[j] + (1 - 0.9) * g[j] * g[j]
                vMax[j] = max(vMax[j], v[j])
                let mHat = m[j] / (1 - pow(0.8, Double(t)))
                let vHat = vMax[j] / (1 - pow(0.9, Double(t)))
                θ[j] = θ[j] - 0.1 * mHat / (sqrt(vHat) + 1e-8)
            }
            return θ
        }
        assertClose(try XCTUnwrap(adamw.state("v_max", parameter: 0)).scalars, vMax)
    }

    /// The same configuration computed with NumPy (a one-off script; values printed with repr).
    func testAgreesWithNumPy() throws {
        var adamw = try AdamW(lr: 0.1, beta1: 0.8, beta2: 0.9, weightDecay: 0.05, amsgrad: true)
        let numpy: [[Double]] = [
            [1.3925000033333332, -1.8900000008333333, 0.6462500004, 2.8850000999998997],
            [1.4321544757950284, -1.845010474933796, 0.5522164758571445, 2.9468739726261677],
            [1.453386219174485, -1.8567277213353843, 0.5293398848495877, 2.967516793619935],
        ]
        try assertFollowsRule(&adamw) { t, _ in numpy[t - 1] }
    }

    /// Without weight decay AdamW and Adam take the same steps.
    func testWithoutDecayEqualsAdam() throws {
        var adamw = try AdamW(lr: 0.1, weightDecay: 0), adam = try Adam(lr: 0.1)
        var a = [initialParameter], b = [initialParameter]
        for g in stepGradients {
            try adamw.step(&a, gradients: [g])
            try adam.step(&b, gradients: [g])
        }
        XCTAssertEqual(a, b)
    }

    func testRefusesWhatPyTorchRefuses() {
        XCTAssertThrowsError(try AdamW(lr: -1))
        XCTAssertThrowsError(try AdamW(weightDecay: -0.01))
        XCTAssertThrowsError(try AdamW(beta1: 1.5))
    }
}
