import Autodiff
import Foundation
import Learning
import XCTest

/// The textbook momentum form v = γv + η∇J, θ = θ − v.
final class MomentumTests: XCTestCase {
    func testTextbookRule() throws {
        var momentum = try Momentum(lr: 0.1, gamma: 0.8)
        var θ = initialParameter.scalars, v = [Double](repeating: 0, count: 4)
        try assertFollowsRule(&momentum) { _, g in
            for j in 0..<4 {
                v[j] = 0.8 * v[j] + 0.1 * g[j]
                θ[j] = θ[j] - v[j]
            }
            return θ
        }
        assertClose(try XCTUnwrap(momentum.state("v", parameter: 0)).scalars, v)
    }

    /// With a constant learning rate the two forms differ only in where η
    /// sits: v = η b, so the parameters agree step for step.
    func testEqualsPyTorchsSGDWithMomentum() throws {
        var textbook = try Momentum(lr: 0.02, gamma: 0.9)
        var sgd = try SGD(lr: 0.02, momentum: 0.9)
        let start = Tensor(rows: [[3, -2.5], [4, 1.7]])
        var a = [start], b = [start]
        for t in 1...10 {
            let g = Tensor(shape: start.shape, scalars: (0..<4).map { sin(1.3 * Double(t) + Double($0)) })
            try textbook.step(&a, gradients: [g])
            try sgd.step(&b, gradients: [g])
            assertClose(a[0].scalars, b[0].scalars, "step \(t)")
            let v = try XCTUnwrap(textbook.state("v", parameter: 0))
            let buffer = try XCTUnwrap(sgd.state("momentum_buffer", parameter: 0))
            assertClose(v.scalars, buffer.scalars.map { 0.02 * $0 }, "v = η b at step \(t)")
        }
    }

    func testRefusesNegativeValues() {
        XCTAssertThrowsError(try Momentum(lr: -1))
        XCTAssertThrowsError(try Momentum(lr: 0.1, gamma: -0.9))
    }
}
