import Learning
import Notation
@testable import Runner
import XCTest

/// The `optimizer` statement's names and suggestions, which the runner adds to
/// `makeOptimizer`'s errors.
final class OptimizerChoiceTests: XCTestCase {
    func testEveryOptimizerNameMakesThatOptimizer() throws {
        for name in Builtins.optimizers {
            XCTAssertEqual(try makeChapterOptimizer(name: name, arguments: [:], positional: [0.5]).name, name)
        }
    }

    func testUnknownOptionSuggestsTheNearest() {
        XCTAssertThrowsError(try makeChapterOptimizer(name: "adam", arguments: ["beta_1": 0.9], positional: [])) {
            error in
            XCTAssertEqual(
                error as? OptimizerError,
                .unknownOption(
                    optimizer: "adam", option: "beta_1", suggestion: "beta1",
                    valid: ["lr", "beta1", "beta2", "eps", "weight_decay", "amsgrad"]))
            XCTAssertEqual(
                "\(error)",
                "adam has no option 'beta_1' (did you mean 'beta1'?); "
                    + "its options are lr, beta1, beta2, eps, weight_decay, amsgrad")
        }
        XCTAssertThrowsError(try makeChapterOptimizer(name: "sgd", arguments: ["weightdecay": 0.1], positional: [0.1]))
        {
            XCTAssertEqual(
                $0 as? OptimizerError,
                .unknownOption(
                    optimizer: "sgd", option: "weightdecay", suggestion: "weight_decay",
                    valid: ["lr", "momentum", "dampening", "nesterov", "weight_decay"]))
        }
        XCTAssertThrowsError(try makeChapterOptimizer(name: "sgd", arguments: ["learning_rate": 0.1], positional: [])) {
            XCTAssertEqual(
                "\($0)",
                "sgd has no option 'learning_rate'; "
                    + "its options are lr, momentum, dampening, nesterov, weight_decay")
        }
    }

    func testUnknownOptimizerSuggestsTheNearest() {
        XCTAssertThrowsError(try makeChapterOptimizer(name: "adma", arguments: [:], positional: [])) { error in
            XCTAssertEqual(
                "\(error)",
                "unknown optimizer 'adma' (did you mean 'adam'?); "
                    + "the optimizers are sgd, momentum, adagrad, rmsprop, adadelta, adam, adamw")
        }
        XCTAssertThrowsError(try makeChapterOptimizer(name: "RMSProp", arguments: [:], positional: [])) { error in
            XCTAssertEqual(
                (error as? OptimizerError).flatMap {
                    if case let .unknownOptimizer(_, suggestion, _) = $0 { return suggestion } else { return nil }
                }, "rmsprop")
        }
        XCTAssertThrowsError(try makeChapterOptimizer(name: "newton", arguments: [:], positional: [])) {
            XCTAssertEqual(
                "\($0)",
                "unknown optimizer 'newton'; "
                    + "the optimizers are sgd, momentum, adagrad, rmsprop, adadelta, adam, adamw")
        }
    }
}
