import _Differentiation
import Autodiff
import Foundation
import XCTest

// Swift's own reverse-mode differentiation as a second oracle, independent of
// the engine and of finite differences: each scalar function is written twice,
// once on the engine's variables and once as plain differentiable Swift.

@differentiable(reverse)
func sigmoidReference(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

@differentiable(reverse)
func reluReference(_ x: Double) -> Double { x > 0 ? x : 0 }

@differentiable(reverse)
func neuronLossReference(_ w: Double, _ b: Double) -> Double {
    let h = sigmoidReference(w * 0.7 + b)
    let d = h - 0.25
    return d * d
}

@differentiable(reverse)
func mixedReference(_ x: Double) -> Double {
    let t = tanh(x)
    return t * sigmoidReference(x) + exp(-x * x) * log(1 + x * x) + sqrt(x * x + 1) / (2 + x)
}

final class DifferentiationOracleTests: XCTestCase {
    func constant(_ value: Double) -> Variable { Variable(Tensor(value)) }

    /// The engine's derivative of a scalar function at x.
    func engineDerivative(at x: Double, _ f: (Variable) throws -> Variable) throws -> (
        value: Double, derivative: Double
    ) {
        let leaf = Variable(Tensor(x))
        let out = try f(leaf)
        return (out.value.scalar, try gradients(of: out, withRespectTo: [leaf])[0].scalar)
    }

    func testMixedElementaryFunctions() throws {
        for x in [-1.3, -0.2, 0.4, 1.7, 3.0] {
            let engine = try engineDerivative(at: x) { x in
                let one = constant(1), two = constant(2)
                let x2 = try x * x
                let a = try x.tanh() * x.sigmoid()
                let b = try (-x2).exp() * (one + x2).log()
                let c = try (x2 + one).sqrt() / (two + x)
                return try a + b + c
            }
            let (value, derivative) = valueWithGradient(at: x, of: mixedReference)
            XCTAssertEqual(engine.value, value, accuracy: 1e-14, "x = \(x)")
            XCTAssertEqual(engine.derivative, derivative, accuracy: 1e-12 * max(1, abs(derivative)), "x = \(x)")
        }
    }

    func testReluAwayFromItsKink() throws {
        for x in [-2.0, -0.5, 0.5, 2.0] {
            let engine = try engineDerivative(at: x) { try $0.relu() * $0 }
            XCTAssertEqual(engine.derivative, gradient(at: x) { x in reluReference(x) * x }, accuracy: 1e-15)
        }
    }

    func testPowersAndQuotients() throws {
        for x in [0.3, 1.1, 2.5] {
            let engine = try engineDerivative(at: x) { x in
                try Variable.pow(x, constant(3)) / (constant(1) + Variable.pow(x, constant(0.5)))
            }
            let reference = gradient(at: x) { x in (x * x * x) / (1 + sqrt(x)) }
            XCTAssertEqual(engine.derivative, reference, accuracy: 1e-12)
        }
    }

    func testOneNeuronWithTwoParameters() throws {
        let w = Variable(Tensor(rows: [[0.8]])), b = Variable(Tensor(rows: [[-0.3]]))
        let h = try (w * Variable(Tensor(rows: [[0.7]])) + b).sigmoid()
        let loss = try Loss.mse(h, Variable(Tensor(rows: [[0.25]])))
        let engine = try gradients(of: loss, withRespectTo: [w, b])
        let reference = gradient(at: 0.8, -0.3, of: neuronLossReference)
        XCTAssertEqual(engine[0].scalar, reference.0, accuracy: 1e-15)
        XCTAssertEqual(engine[1].scalar, reference.1, accuracy: 1e-15)
    }

    func testLogSumExpAgainstItsDefinition() throws {
        // d/dx₀ of log(e^{x₀} + e^{x₁} + e^{x₂}) through log_softmax: x₀ − lse.
        let x = [0.3, -1.2, 2.0]
        let leaf = Variable(Tensor(rows: [x]))
        let out = try leaf.logSoftmax(axis: 1).sum()
        let engine = try gradients(of: out, withRespectTo: [leaf])[0]
        @differentiable(reverse)
        func reference(_ a: Double, _ b: Double, _ c: Double) -> Double {
            let lse = log(exp(a) + exp(b) + exp(c))
            return (a - lse) + (b - lse) + (c - lse)
        }
        let g = gradient(at: x[0], x[1], x[2], of: reference)
        XCTAssertEqual(engine.scalars[0], g.0, accuracy: 1e-14)
        XCTAssertEqual(engine.scalars[1], g.1, accuracy: 1e-14)
        XCTAssertEqual(engine.scalars[2], g.2, accuracy: 1e-14)
    }
}
