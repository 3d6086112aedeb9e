import Foundation
import Learning
import XCTest

/// `torch.optim.Adagrad`'s documented rule, written out per entry.
final class AdagradTests: XCTestCase {
    func testAccumulatesSquaredGradients() throws {
        var adagrad = try Adagrad(lr: 0.1)
        var θ = initialParameter.scalars, sum = [Double](repeating: 0, count: 4)
        try assertFollowsRule(&adagrad) { _, g in
            for j in 0..<4 {
                sum[j] = sum[j] + g[j] * g[j]
                θ[j] = θ[j] - 0.1 * g[j] / (sqrt(sum[j]) + 1e-10)
            }
            return θ
        }
        assertClose(try XCTUnwrap(adagrad.state("sum", parameter: 0)).scalars, sum)
    }

    func testLearningRateDecayWeightDecayAndInitialAccumulator() throws {
        var adagrad = try Adagrad(lr: 0.1, lrDecay: 0.5, weightDecay: 0.05, initialAccumulatorValue: 0.2, eps: 1e-6)
        var θ = initialParameter.scalars, sum = [Double](repeating: 0.2, count: 4)
        try assertFollowsRule(&adagrad) { t, g in
            let clr = 0.1 / (1 + Double(t - 1) * 0.5)
            for j in 0..<4 {
                let d = g[j] + 0.05 * θ[j]
                sum[j] = sum[j] + d * d
                θ[j] = θ[j] - clr * d / (sqrt(sum[j]) + 1e-6)
            }
            return θ
        }
    }

    func testRefusesNegativeValues() {
        XCTAssertThrowsError(try Adagrad(lr: -1))
        XCTAssertThrowsError(try Adagrad(lrDecay: -1))
        XCTAssertThrowsError(try Adagrad(weightDecay: -1))
        XCTAssertThrowsError(try Adagrad(initialAccumulatorValue: -1))
        XCTAssertThrowsError(try Adagrad(eps: -1))
    }
}
