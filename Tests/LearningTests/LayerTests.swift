import Autodiff
@testable import Learning
import XCTest

final class LayerTests: XCTestCase {
    func testDenseComputesXWTransposePlusBias() throws {
        let layer = Dense(inputs: 3, outputs: 2, activation: .relu)
        let x = Tensor(rows: [[1, 2, 3], [-1, 0, 1]])
        let w = Tensor(rows: [[0.5, -1, 0], [1, 1, 1]])
        let b = Tensor(rows: [[0.25, -10]])
        let (z, a) = try layer.forward(Variable(x), weight: Variable(w), bias: Variable(b))
        // By hand: z[i][j] = Σ_k x[i][k] w[j][k] + b[j].
        XCTAssertEqual(z.value, Tensor(rows: [[0.5 - 2 + 0.25, 6 - 10], [-0.5 + 0.25, 0 - 10]]))
        XCTAssertEqual(a.value, Tensor(rows: [[0, 0], [0, 0]]))
        XCTAssertThrowsError(
            try layer.forward(Variable(Tensor.zeros(.matrix(2, 4))), weight: Variable(w), bias: Variable(b)))
    }

    func testPreActivationIsForwardsZAndChecksTheInput() throws {
        let layer = Dense(inputs: 3, outputs: 2, activation: .sigmoid)
        let x = Variable(Tensor(rows: [[1, 2, 3], [-1, 0, 1]]))
        let w = Variable(Tensor(rows: [[0.5, -1, 0], [1, 1, 1]])), b = Variable(Tensor(rows: [[0.25, -10]]))
        XCTAssertEqual(
            try layer.preActivation(x, weight: w, bias: b).value,
            try layer.forward(x, weight: w, bias: b).z.value)
        XCTAssertTrue(layer.accepts(.matrix(5, 3)))
        XCTAssertFalse(layer.accepts(.matrix(5, 4)))
        XCTAssertFalse(layer.accepts(.scalar))
        XCTAssertThrowsError(try layer.preActivation(Variable(Tensor.zeros(.matrix(2, 4))), weight: w, bias: b)) {
            XCTAssertTrue("\($0)".contains("expected n×3 (one example per row)"), "\($0)")
        }
    }

    func testPyTorchDefaultInitialisationBounds() throws {
        var generator = RandomGenerator(seed: 0)
        let (w, b) = try Dense(inputs: 100, outputs: 50).initialParameters(generator: &generator)
        XCTAssertEqual(w.shape, .matrix(50, 100))
        XCTAssertEqual(b.shape, .matrix(1, 50))
        XCTAssertTrue(w.scalars.allSatisfy { abs($0) <= 0.1 })
        XCTAssertGreaterThan(w.maxAbs, 0.09, "U(-1/√in, 1/√in) spans the whole interval")
        XCTAssertTrue(b.scalars.allSatisfy { abs($0) <= 0.1 })
    }

    func testInitialisersAreSeededAndOrdered() throws {
        let layer = Dense(inputs: 4, outputs: 3)
        var g1 = RandomGenerator(seed: 7), g2 = RandomGenerator(seed: 7)
        let p1 = try layer.initialParameters(weight: .normal(std: 0.01), bias: .constant(0), generator: &g1)
        let expected = try g2.normal(3, 4, mean: 0, std: 0.01)
        XCTAssertEqual(p1.weight, expected, "the weight is drawn first, row by row")
        XCTAssertEqual(p1.bias, Tensor.zeros(.matrix(1, 3)))
        XCTAssertThrowsError(try Dense(inputs: 0, outputs: 3).initialParameters(generator: &g1))
    }

    func testNetworkChecksThatLayersFit() throws {
        XCTAssertThrowsError(try Network([Dense(inputs: 10, outputs: 5), Dense(inputs: 4, outputs: 1)])) { error in
            XCTAssertTrue("\(error)".contains("layer 1 gives 5 outputs but layer 2 takes 4"), "\(error)")
        }
        XCTAssertThrowsError(try Network([]))
    }

    func testNetworkForwardRecordsEveryLayer() throws {
        let net = try Network([Dense(inputs: 2, outputs: 3, activation: .tanh), Dense(inputs: 3, outputs: 1)])
        var generator = RandomGenerator(seed: 1)
        let params = try net.layers.map { try $0.initialParameters(generator: &generator) }
        let x = Variable(Tensor(rows: [[0.5, -0.5], [1, 2]]))
        let pass = try net.forward(
            x, weights: params.map { Variable($0.weight) }, biases: params.map { Variable($0.bias) })
        XCTAssertEqual(pass.preActivations.count, 2)
        XCTAssertEqual(pass.output.shape, .matrix(2, 1))
        XCTAssertEqual(pass.activations[0].value, pass.preActivations[0].value.map(tanh))
        XCTAssertTrue(pass.output === pass.preActivations[1], "a linear last layer's a is its z")
    }

    func testActivationDerivativesMatchTheirFunctions() throws {
        let z = Tensor(rows: [[-1.5, -0.2, 0.3, 2]])
        for activation in Activation.allCases where activation != .softmax {
            let leaf = Variable(z)
            let grad = try gradients(of: try activation.apply(leaf).sum(), withRespectTo: [leaf])[0]
            let derivative = try XCTUnwrap(activation.derivative(z))
            for k in 0..<z.count {
                XCTAssertEqual(derivative.scalars[k], grad.scalars[k], accuracy: 1e-15, "\(activation)")
            }
        }
        XCTAssertNil(Activation.softmax.derivative(z))
        XCTAssertEqual(Activation(name: "linear"), .identity)
    }
}
