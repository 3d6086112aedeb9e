import Autodiff
import Learning
import Notation
@testable import Runner
import XCTest

/// `takeOptimizerStep`: the stored optimizer and the parameters are updated
/// where they are, not copied on every step.
final class OptimizerStepTests: XCTestCase {
    private let here = SourceLocation(file: "01-test.md", line: 1, column: 1)

    private func address(_ tensor: Tensor?) -> UnsafePointer<Double>? {
        tensor?.scalars.withUnsafeBufferPointer { $0.baseAddress }
    }

    func testAStepUpdatesTheParametersAndTheOptimizerStateInPlace() throws {
        let environment = Environment()
        environment.declareParameter("w", Tensor(rows: [[1, 2, 3, 4]]))
        environment.loss = ("L", try parseExpression("mean(w * w)"))
        environment.optimizer = Environment.OptimizerState(optimizer: try Adam(lr: 0.1), parameterNames: nil)
        XCTAssertEqual(try environment.takeOptimizerStep(at: here), 7.5)
        let parameter = address(environment.parameters["w"])
        let moment = address(environment.optimizer?.optimizer.state("m", parameter: 0))
        XCTAssertNotNil(parameter)
        for _ in 0..<3 { _ = try environment.takeOptimizerStep(at: here) }
        XCTAssertEqual(
            address(environment.parameters["w"]), parameter, "the parameter's storage is rewritten, not copied")
        XCTAssertEqual(environment.optimizer?.optimizer.stepCount, 4)
        XCTAssertEqual(environment.optimizer?.parameterNames, ["w"])
        XCTAssertNotNil(moment)
        XCTAssertEqual(
            address(environment.optimizer?.optimizer.state("m", parameter: 0)), moment,
            "the optimizer's buffers are rewritten, not copied")
        XCTAssertTrue(environment.parameters["w"]!.scalars.allSatisfy { $0 < 4 }, "every entry moved towards 0")
    }

    func testAStepThatDoesNotFitChangesNothing() throws {
        let environment = Environment()
        environment.declareParameter("w", Tensor(rows: [[1, 2]]))
        environment.loss = ("L", try parseExpression("sum(w * w)"))
        environment.optimizer = Environment.OptimizerState(optimizer: try SGD(lr: 0.1), parameterNames: nil)
        _ = try environment.takeOptimizerStep(at: here)
        let after = environment.parameters["w"]
        // A parameter redefined with another shape no longer fits the optimizer's first step.
        environment.declareParameter("w", Tensor(rows: [[1, 2, 3]]))
        XCTAssertThrowsError(try environment.takeOptimizerStep(at: here))
        XCTAssertEqual(environment.parameters["w"], Tensor(rows: [[1, 2, 3]]))
        XCTAssertEqual(environment.optimizer?.optimizer.stepCount, 1)
        XCTAssertNotEqual(after, Tensor(rows: [[1, 2]]))
    }
}
