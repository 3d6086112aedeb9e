@testable import Autodiff
import TutorTestSupport
import XCTest

/// `centralDifferences` on a tensor's entries: an oracle written apart from the
/// engine's own gradient check.
func numericalGradient(
    at x: Tensor, step h: Double = 1e-5,
    _ f: (Tensor) throws -> Double
) rethrows -> Tensor {
    Tensor(
        shape: x.shape,
        scalars: try centralDifferences(at: x.scalars, step: h) {
            try f(Tensor(shape: x.shape, scalars: $0))
        })
}

/// Random tensors for tests, from a fixed seed.
struct TestRandom {
    var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    /// Uniform in [low, high).
    mutating func tensor(_ shape: Shape, _ low: Double = -1, _ high: Double = 1) -> Tensor {
        Tensor(
            shape: shape,
            scalars: (0..<shape.count).map { _ in
                low + (high - low) * (generator.nextSigned() + 1) / 2
            })
    }
}

/// Asserts that two tensors have the same shape and agree entry by entry
/// within `absolute + relative·|expected|`.
func assertClose(
    _ actual: Tensor, _ expected: Tensor, absolute: Double = 1e-6, relative: Double = 1e-5,
    _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(actual.shape, expected.shape, "shape " + message(), file: file, line: line)
    guard actual.shape == expected.shape else { return }
    assertClose(
        actual.scalars, expected.scalars, absolute: absolute, relative: relative, message(), file: file, line: line)
}

/// Checks the autodiff gradients of `build` with respect to each input against
/// the numerical oracle. The output is reduced to a scalar through fixed random
/// weights so that every entry of the gradient matters.
func assertGradientsMatch(
    _ inputs: [Tensor], absolute: Double = 1e-6, relative: Double = 1e-5,
    _ label: String = "", file: StaticString = #filePath, line: UInt = #line,
    _ build: ([Variable]) throws -> Variable
) throws {
    let leaves = inputs.map(Variable.init)
    let raw = try build(leaves)
    var random = TestRandom(seed: 99)
    let weights = Variable(random.tensor(raw.shape, 0.5, 1.5))
    func scalarize(_ v: Variable) throws -> Variable { try (v * weights).sum() }
    let grads = try gradients(of: scalarize(raw), withRespectTo: leaves)
    for i in inputs.indices {
        let expected = try numericalGradient(at: inputs[i]) { xi in
            var point = inputs
            point[i] = xi
            return try scalarize(build(point.map(Variable.init))).value.scalar
        }
        assertClose(
            grads[i], expected, absolute: absolute, relative: relative,
            "\(label) input \(i)", file: file, line: line)
    }
}
