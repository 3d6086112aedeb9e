import Autodiff
import Foundation
import Learning
import XCTest

/// `torch.optim.Adam`'s documented rule, written out per entry.
final class AdamTests: XCTestCase {
    func testBiasCorrectedStep() throws {
        var adam = try Adam(lr: 0.1, beta1: 0.8, beta2: 0.9)
        var θ = initialParameter.scalars, m = [Double](repeating: 0, count: 4), v = m
        try assertFollowsRule(&adam) { t, g in
            for j in 0..<4 {
                m[j] = 0.8 * m[j] + (1 - 0.8) * g[j]
                v[j] = 0.9 * v[j] + (1 - 0.9) * g[j] * g[j]
                let mHat = m[j] / (1 - pow(0.8, Double(t)))
                let vHat = v[j] / (1 - pow(0.9, Double(t)))
                θ[j] = θ[j] - 0.1 * mHat / (sqrt(vHat) + 1e-8)
            }
            return θ
        }
        assertClose(try XCTUnwrap(adam.state("m", parameter: 0)).scalars, m)
        assertClose(try XCTUnwrap(adam.state("v", parameter: 0)).scalars, v)
        XCTAssertEqual(adam.state("t", parameter: 0), Tensor(3))
        XCTAssertNil(adam.state("v_max", parameter: 0))
    }

    func testAmsgradKeepsTheLargestSecondMoment() throws {
        var adam = try Adam(lr: 0.1, beta1: 0.8, beta2: 0.9, amsgrad: true)
        var θ = initialParameter.scalars, m = [Double](repeating: 0, count: 4), v = m, vMax = m
        try assertFollowsRule(&adam) { t, g in
            for j in 0..<4 {
                m[j] = 0.8 * m[j] + (1 - 0.8) * g[j]
                v[j] = 0.9 * v[j] + (1 - 0.9) * g[j] * g[j]
                vMax[j] = max(vMax[j], v[j])
                let mHat = m[j] / (1 - pow(0.8, Double(t)))
                let vHat = vMax[j] / (1 - pow(0.9, Double(t)))
                θ[j] = θ[j] - 0.1 * mHat / (sqrt(vHat) + 1e-8)
            }
            return θ
        }
        let kept = try XCTUnwrap(adam.state("v_max", parameter: 0)).scalars
        assertClose(kept, vMax)
        XCTAssertNotEqual(kept, v, "the gradients were chosen so that v falls below its maximum")
    }

    func testWeightDecayEntersTheGradient() throws {
        var adam = try Adam(lr: 0.1, beta1: 0.8, beta2: 0.9, weightDecay: 0.05)
        var θ = initialParameter.scalars, m = [Double](repeating: 0, count: 4), v = m
        try assertFollowsRule(&adam) { t, g in
            for j in 0..<4 {
                let d = g[j] + 0.05 * θ[j]
                m[j] = 0.8 * m[j] + (1 - 0.8) * d
                v[j] = 0.9 * v[j] + (1 - 0.9) * d * d
                let mHat = m[j] / (1 - pow(0.8, Double(t)))
                let vHat = v[j] / (1 - pow(0.9, Double(t)))
                θ[j] = θ[j] - 0.1 * mHat / (sqrt(vHat) + 1e-8)
            }
            return θ
        }
    }

    /// Adam with amsgrad and weight decay computed with NumPy, vectorised
    /// straight from the documented pseudo-code (a one-off script; values
    /// printed with repr).
    func testAgreesWithNumPy() throws {
        var adam = try Adam(lr: 0.1, beta1: 0.8, beta2: 0.9, weightDecay: 0.05, amsgrad: true)
        let numpy: [[Double]] = [
            [1.4000000026666666, -1.9000000007692308, 0.6500000003940887, 2.9000000062499995],
            [1.4349281410791046, -1.8567039506585752, 0.5589682941260508, 2.971613141550554],
            [1.448193385782251, -1.866897573535, 0.5372321606050187, 2.997172547725995],
        ]
        try assertFollowsRule(&adam) { t, _ in numpy[t - 1] }
    }

    func testRefusesWhatPyTorchRefuses() {
        XCTAssertThrowsError(try Adam(lr: -1))
        XCTAssertThrowsError(try Adam(eps: -1))
        XCTAssertThrowsError(try Adam(weightDecay: -1))
        XCTAssertThrowsError(try Adam(beta1: 1)) { error in
            XCTAssertEqual("\(error)", "adam: beta1 must be in [0, 1), got 1.0")
        }
        XCTAssertThrowsError(try Adam(beta2: -0.1))
        XCTAssertNoThrow(try Adam(beta1: 0, beta2: 0))
    }
}
