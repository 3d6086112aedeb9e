@testable import Autodiff
import XCTest

/// Composite networks: x → dense → activation → dense → loss, every parameter
/// checked against central differences for each loss.
final class TwoLayerNetworkTests: XCTestCase {
    var random = TestRandom(seed: 4)

    func forward(_ p: [Variable], _ x: Variable, activation: (Variable) throws -> Variable) throws -> Variable {
        let z1 = try Variable.matmul(x, p[0], transposeB: true) + p[1]
        let a1 = try activation(z1)
        return try Variable.matmul(a1, p[2], transposeB: true) + p[3]
    }

    func parameters(inputs: Int, hidden: Int, outputs: Int) -> [Tensor] {
        [
            random.tensor(.matrix(hidden, inputs)), random.tensor(.matrix(1, hidden)),
            random.tensor(.matrix(outputs, hidden)), random.tensor(.matrix(1, outputs)),
        ]
    }

    func testEveryLossThroughTwoLayers() throws {
        let x = Variable(random.tensor(.matrix(5, 4)))
        let params = parameters(inputs: 4, hidden: 3, outputs: 2)
        let target = Variable(random.tensor(.matrix(5, 2), 0, 1))
        let labels = Variable(Tensor(rows: [[0], [1], [1], [0], [1]]))
        let losses: [(String, (Variable) throws -> Variable)] = [
            ("mse", { try Loss.mse($0, target) }),
            ("cross_entropy", { try Loss.crossEntropy($0, labels) }),
            ("bce", { try Loss.bce($0.sigmoid(), target) }),
            ("bce_with_logits", { try Loss.bceWithLogits($0, target) }),
        ]
        let activations: [(String, (Variable) throws -> Variable)] = [
            ("sigmoid", { $0.sigmoid() }), ("tanh", { $0.tanh() }),
        ]
        for (lossName, loss) in losses {
            for (activationName, activation) in activations {
                try assertGradientsMatch(params, "\(lossName) \(activationName)") { p in
                    try loss(forward(p, x, activation: activation))
                }
            }
        }
    }

    func testEngineGradientCheckPassesOnANetwork() throws {
        let x = Variable(random.tensor(.matrix(5, 4)))
        let target = Variable(random.tensor(.matrix(5, 2)))
        let params = parameters(inputs: 4, hidden: 3, outputs: 2)
        for i in params.indices {
            let report = try checkGradient(at: params[i]) { leaf in
                var p = params.map(Variable.init)
                p[i] = leaf
                return try Loss.mse(forward(p, x, activation: { $0.relu() }), target)
            }
            XCTAssertTrue(report.passed, "\(i): \(report)")
            XCTAssertEqual(report.checked + report.skippedNearKink, params[i].count)
            XCTAssertGreaterThan(report.checked, 0)
        }
    }
}
