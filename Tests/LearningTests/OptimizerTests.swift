import Autodiff
import Learning
import TutorTestSupport
import XCTest

/// The parameter every update-rule test starts from, and the gradients of steps 1, 2 and 3.
let initialParameter = Tensor(rows: [[1.5, -2.0], [0.75, 3.0]])
let stepGradients = [
    Tensor(rows: [[0.3, -1.2], [2.5, 0.01]]),
    Tensor(rows: [[-0.7, 0.4], [1.1, -2.2]]),
    Tensor(rows: [[0.05, 0.9], [-1.6, 0.6]]),
]

/// Entry-by-entry agreement within 1e-12 relative.
func assertClose(
    _ actual: [Double], _ expected: [Double], _ message: String = "",
    file: StaticString = #filePath, line: UInt = #line
) {
    TutorTestSupport.assertClose(actual, expected, absolute: 0, relative: 1e-12, message, file: file, line: line)
}

/// Takes steps 1–3 with `optimizer` from `initialParameter` and compares the
/// parameter after each with `rule(t, g)`: the documented update written out
/// per entry, given the step number and the gradient's entries.
func assertFollowsRule(
    _ optimizer: inout some Optimizer, _ rule: (_ t: Int, _ g: [Double]) -> [Double],
    file: StaticString = #filePath, line: UInt = #line
) throws {
    var parameters = [initialParameter]
    for (t, gradient) in zip(1..., stepGradients) {
        try optimizer.step(&parameters, gradients: [gradient])
        XCTAssertEqual(parameters[0].shape, initialParameter.shape, file: file, line: line)
        assertClose(
            parameters[0].scalars, rule(t, gradient.scalars), "\(optimizer.name) step \(t)",
            file: file, line: line)
    }
    XCTAssertEqual(optimizer.stepCount, 3, file: file, line: line)
}

final class OptimizerTests: XCTestCase {
    func testDefaultsArePyTorchs() throws {
        func assertDefaults(_ optimizer: some Optimizer, _ expected: [(String, Double)]) {
            XCTAssertEqual(optimizer.hyperparameters.map(\.name), expected.map(\.0), optimizer.name)
            XCTAssertEqual(optimizer.hyperparameters.map(\.value), expected.map(\.1), optimizer.name)
        }
        assertDefaults(
            try SGD(),
            [
                ("lr", 1e-3), ("momentum", 0), ("dampening", 0), ("nesterov", 0),
                ("weight_decay", 0),
            ])
        assertDefaults(try Momentum(lr: 0.1), [("lr", 0.1), ("gamma", 0.9)])
        assertDefaults(
            try Adagrad(),
            [
                ("lr", 1e-2), ("lr_decay", 0), ("weight_decay", 0),
                ("initial_accumulator_value", 0), ("eps", 1e-10),
            ])
        assertDefaults(
            try RMSprop(),
            [
                ("lr", 1e-2), ("alpha", 0.99), ("eps", 1e-8), ("weight_decay", 0),
                ("momentum", 0), ("centered", 0),
            ])
        assertDefaults(try Adadelta(), [("lr", 1.0), ("rho", 0.9), ("eps", 1e-6), ("weight_decay", 0)])
        assertDefaults(
            try Adam(),
            [
                ("lr", 1e-3), ("beta1", 0.9), ("beta2", 0.999), ("eps", 1e-8),
                ("weight_decay", 0), ("amsgrad", 0),
            ])
        assertDefaults(
            try AdamW(),
            [
                ("lr", 1e-3), ("beta1", 0.9), ("beta2", 0.999), ("eps", 1e-8),
                ("weight_decay", 1e-2), ("amsgrad", 0),
            ])
    }

    func testStateNamesFollowTheOptions() throws {
        XCTAssertEqual(try SGD().stateNames, [])
        XCTAssertEqual(try SGD(momentum: 0.9).stateNames, ["momentum_buffer"])
        XCTAssertEqual(try Momentum(lr: 0.1).stateNames, ["v"])
        XCTAssertEqual(try Adagrad().stateNames, ["sum"])
        XCTAssertEqual(try RMSprop().stateNames, ["square_avg"])
        XCTAssertEqual(
            try RMSprop(momentum: 0.5, centered: true).stateNames,
            ["square_avg", "grad_avg", "momentum_buffer"])
        XCTAssertEqual(try Adadelta().stateNames, ["square_avg", "acc_delta"])
        XCTAssertEqual(try Adam().stateNames, ["m", "v", "t"])
        XCTAssertEqual(try AdamW(amsgrad: true).stateNames, ["m", "v", "v_max", "t"])
    }

    func testStateIsShapedLikeEachParameter() throws {
        var adam = try Adam(amsgrad: true)
        var parameters = [initialParameter, Tensor(rows: [[1, 2, 3]]), Tensor(4)]
        let gradients = [stepGradients[0], Tensor(rows: [[0.1, 0.2, 0.3]]), Tensor(-1)]
        XCTAssertNil(adam.state("m", parameter: 0), "no state before the first step")
        try adam.step(&parameters, gradients: gradients)
        for name in ["m", "v", "v_max"] {
            XCTAssertEqual(adam.state(name, parameter: 0)?.shape, .matrix(2, 2), name)
            XCTAssertEqual(adam.state(name, parameter: 1)?.shape, .matrix(1, 3), name)
            XCTAssertEqual(adam.state(name, parameter: 2)?.shape, .scalar, name)
        }
        XCTAssertEqual(adam.state("t", parameter: 1), Tensor(1))
        XCTAssertNil(adam.state("m", parameter: 3))
        XCTAssertNil(adam.state("exp_avg", parameter: 0))
        XCTAssertNil(try SGD().state("momentum_buffer", parameter: 0))
    }

    func testCopyingAnOptimizerCopiesItsState() throws {
        var original = try RMSprop(lr: 0.01, momentum: 0.5, centered: true)
        var parameters = [initialParameter]
        try original.step(&parameters, gradients: [stepGradients[0]])
        let before = original.stateNames.map { original.state($0, parameter: 0) }

        var copy = original
        var copiedParameters = parameters
        try copy.step(&copiedParameters, gradients: [stepGradients[1]])

        XCTAssertEqual(original.stepCount, 1)
        XCTAssertEqual(copy.stepCount, 2)
        XCTAssertEqual(original.stateNames.map { original.state($0, parameter: 0) }, before)
        XCTAssertNotEqual(copy.state("square_avg", parameter: 0), before[0])
        // The original, stepped the same way, lands where the copy did.
        try original.step(&parameters, gradients: [stepGradients[1]])
        XCTAssertEqual(parameters, copiedParameters)
    }

    func testMismatchedParametersAreRefusedWithoutChangingAnything() throws {
        var sgd = try SGD(lr: 0.1, momentum: 0.9)
        var parameters = [initialParameter]
        func assertRefused(_ gradients: [Tensor], _ fragment: String, line: UInt = #line) {
            var attempted = parameters
            XCTAssertThrowsError(try sgd.step(&attempted, gradients: gradients), line: line) { error in
                XCTAssertTrue("\(error)".contains(fragment), "\(error)", line: line)
            }
            XCTAssertEqual(attempted, parameters, line: line)
        }
        assertRefused([], "0 gradients for 1 parameters")
        assertRefused([Tensor(rows: [[1, 2]])], "parameter 0 has shape 2×2 but its gradient has shape 1×2")
        try sgd.step(&parameters, gradients: [stepGradients[0]])
        let buffer = sgd.state("momentum_buffer", parameter: 0)

        var two = [initialParameter, initialParameter]
        XCTAssertThrowsError(try sgd.step(&two, gradients: [stepGradients[0], stepGradients[1]])) { error in
            XCTAssertEqual("\(error)", "sgd: 2 parameters, but the first step had 1")
        }
        var reshaped = [Tensor(rows: [[1, 2, 3, 4]])]
        XCTAssertThrowsError(try sgd.step(&reshaped, gradients: [Tensor(rows: [[1, 1, 1, 1]])])) { error in
            XCTAssertEqual("\(error)", "sgd: parameter 0 has shape 1×4, but it had shape 2×2 on the first step")
        }
        XCTAssertEqual(sgd.stepCount, 1)
        XCTAssertEqual(sgd.state("momentum_buffer", parameter: 0), buffer)
    }
}
