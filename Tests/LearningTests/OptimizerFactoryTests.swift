import Learning
import XCTest

/// `makeOptimizer`, as the chapter statement `optimizer NAME(options)` uses it.
final class OptimizerFactoryTests: XCTestCase {
    func settings(_ optimizer: any Optimizer) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: optimizer.hyperparameters.map { ($0.name, $0.value) })
    }

    func testPositionalLearningRateAndNamedOptions() throws {
        let sgd = try makeOptimizer(name: "sgd", arguments: ["momentum": 0.9], positional: [0.1])
        XCTAssertTrue(sgd is SGD)
        XCTAssertEqual(settings(sgd), ["lr": 0.1, "momentum": 0.9, "dampening": 0, "nesterov": 0, "weight_decay": 0])

        let adam = try makeOptimizer(name: "adam", arguments: ["lr": 0.01, "beta1": 0.8, "amsgrad": 1], positional: [])
        XCTAssertEqual(
            settings(adam),
            [
                "lr": 0.01, "beta1": 0.8, "beta2": 0.999, "eps": 1e-8,
                "weight_decay": 0, "amsgrad": 1,
            ])
        XCTAssertEqual(adam.stateNames, ["m", "v", "v_max", "t"])
    }

    func testEveryOptimizerByName() throws {
        let kinds: [String: any Optimizer.Type] = [
            "sgd": SGD.self, "momentum": Momentum.self, "adagrad": Adagrad.self,
            "rmsprop": RMSprop.self, "adadelta": Adadelta.self, "adam": Adam.self, "adamw": AdamW.self,
        ]
        for (name, kind) in kinds {
            let optimizer = try makeOptimizer(name: name, arguments: [:], positional: [0.5])
            XCTAssertTrue(type(of: optimizer) == kind, name)
            XCTAssertEqual(optimizer.name, name)
            XCTAssertEqual(settings(optimizer)["lr"], 0.5, name)
        }
        XCTAssertEqual(
            settings(try makeOptimizer(name: "momentum", arguments: [:], positional: [0.1])),
            ["lr": 0.1, "gamma": 0.9])
        XCTAssertEqual(settings(try makeOptimizer(name: "adamw", arguments: [:], positional: []))["weight_decay"], 1e-2)
        let centered = try makeOptimizer(name: "rmsprop", arguments: ["centered": 1], positional: [])
        XCTAssertEqual(centered.stateNames, ["square_avg", "grad_avg"])
    }

    // The suggestions ("did you mean 'beta1'?") are the runner's: RunnerTests.OptimizerChoiceTests.
    func testUnknownOptionIsNamedWithTheValidOnes() {
        XCTAssertThrowsError(try makeOptimizer(name: "adam", arguments: ["beta_1": 0.9], positional: [])) { error in
            XCTAssertEqual(
                error as? OptimizerError,
                .unknownOption(
                    optimizer: "adam", option: "beta_1", suggestion: nil,
                    valid: ["lr", "beta1", "beta2", "eps", "weight_decay", "amsgrad"]))
            XCTAssertEqual(
                "\(error)",
                "adam has no option 'beta_1'; "
                    + "its options are lr, beta1, beta2, eps, weight_decay, amsgrad")
        }
        XCTAssertThrowsError(try makeOptimizer(name: "sgd", arguments: ["learning_rate": 0.1], positional: [])) {
            XCTAssertEqual(
                "\($0)",
                "sgd has no option 'learning_rate'; "
                    + "its options are lr, momentum, dampening, nesterov, weight_decay")
        }
    }

    func testUnknownOptimizerIsRefused() {
        XCTAssertThrowsError(try makeOptimizer(name: "adma", arguments: [:], positional: [])) { error in
            XCTAssertEqual(error as? OptimizerError, .unknownOptimizer(name: "adma", suggestion: nil, valid: []))
            XCTAssertEqual("\(error)", "unknown optimizer 'adma'")
        }
        XCTAssertThrowsError(try makeOptimizer(name: "RMSProp", arguments: [:], positional: []))
    }

    func testInvalidArguments() {
        func message(_ name: String, _ arguments: [String: Double], _ positional: [Double]) -> String? {
            do {
                _ = try makeOptimizer(name: name, arguments: arguments, positional: positional)
                return nil
            } catch {
                return "\(error)"
            }
        }
        XCTAssertEqual(message("sgd", [:], [-0.1]), "sgd: lr must be at least 0, got -0.1")
        XCTAssertEqual(message("adam", ["beta2": 1], []), "adam: beta2 must be in [0, 1), got 1.0")
        XCTAssertEqual(
            message("sgd", ["momentum": 0.9, "nesterov": 2], [0.1]),
            "sgd: nesterov must be 0 (off) or 1 (on), got 2.0")
        XCTAssertEqual(message("sgd", ["nesterov": 1], [0.1]), "sgd: nesterov needs a momentum above 0 and dampening 0")
        XCTAssertEqual(message("momentum", ["gamma": 0.9], []), "momentum: needs lr, as in momentum(0.1)")
        XCTAssertEqual(
            message("sgd", [:], [0.1, 0.9]),
            "sgd: takes one positional argument, the learning rate, got 2")
        XCTAssertEqual(message("adam", ["lr": 0.1], [0.1]), "adam: the learning rate is given twice")
    }
}
