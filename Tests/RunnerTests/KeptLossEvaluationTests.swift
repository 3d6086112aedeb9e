import Autodiff
import Notation
@testable import Runner
import XCTest

/// The loss's evaluation at `loss L = …` and at the end of `train` is kept for
/// the next evaluation of the loss at the same state (the first step, an
/// `expect L < …`), and what that evaluation gives is what evaluating again gives.
final class KeptLossEvaluationTests: XCTestCase {
    private let network = [
        "data x = [0, 1; 1, 0; 1, 1; 0.5, 0.25]", "data y = [1; 0; 1; 0]",
        "model net = dense(2, 3, sigmoid) >> dense(3, 1, sigmoid)", "loss L = bce(net(x), y)",
    ]

    private func interpreter(running lines: [String]) throws -> Interpreter {
        let interpreter = Interpreter(file: "01-test.md", chapterDirectory: "/tmp", bookRoot: "/tmp", progress: nil)
        try run(lines, in: interpreter)
        return interpreter
    }

    @discardableResult
    private func run(_ lines: [String], in interpreter: Interpreter) throws -> [Finding] {
        let parsed = parseDirectives(lines.joined(separator: "\n"), file: "01-test.md", firstLine: 1)
        XCTAssertEqual(parsed.diagnostics.map(\.message), [])
        return try parsed.statements.flatMap { try interpreter.execute($0) }
    }

    private func expression(_ text: String) throws -> Expr { try parseExpression(text) }

    func testTheFirstStepTakesTheGraphOfTheLossDefinition() throws {
        let environment = try interpreter(running: network + ["optimizer sgd(0.5)"]).environment
        let kept = try XCTUnwrap(environment.keptLoss, "the definition's evaluation, kept across `optimizer`")
        XCTAssertEqual(kept.name, "L")
        let loss = try XCTUnwrap(environment.loss)
        XCTAssertTrue(try Evaluation(environment).evaluateLoss(loss) === kept.node)
        let leaves = Evaluation(environment)
        _ = try leaves.evaluateLoss(loss)
        XCTAssertEqual(leaves.parameterLeaves.map(\.name), ["net.1.W", "net.1.b", "net.2.W", "net.2.b"])
        XCTAssertTrue(leaves.parameterLeaves[0].leaf === kept.memo["net.1.W"], "the leaves of the kept graph")

        let lossBefore = try environment.takeOptimizerStep(at: loss.expression.location)
        XCTAssertEqual(lossBefore, kept.node.value.scalar)
        XCTAssertNil(environment.keptLoss, "the step moved the params")
    }

    /// The same chapter with the kept evaluation dropped before training (a
    /// `let` binds a name) evaluates the loss afresh in the first step: the
    /// logged losses and the params after training are the same, bit for bit.
    func testTrainingFromTheKeptGraphEndsWhereTrainingFromAFreshEvaluationEnds() throws {
        let kept = try interpreter(running: network + ["optimizer sgd(0.5)"])
        XCTAssertNotNil(kept.environment.keptLoss)
        let fresh = try interpreter(running: network + ["let unrelated = 2", "optimizer sgd(0.5)"])
        XCTAssertNil(fresh.environment.keptLoss, "binding a name drops it")

        let train = ["train 3 epochs, log every 1"]
        guard case let .training(keptTraining)? = try run(train, in: kept).first,
            case let .training(freshTraining)? = try run(train, in: fresh).first
        else { return XCTFail("train finds a training") }
        XCTAssertEqual(keptTraining.log.map(\.loss), freshTraining.log.map(\.loss))
        XCTAssertEqual(keptTraining.finalLoss, freshTraining.finalLoss)
        XCTAssertEqual(kept.environment.parameters, fresh.environment.parameters)
        XCTAssertEqual(kept.environment.parameters.count, 4)
        XCTAssertNotEqual(keptTraining.log.first?.loss, keptTraining.finalLoss, "the params moved")
    }

    /// Mini-batches replace the data, so their steps evaluate the loss on
    /// their rows; `step` takes the kept graph as the first epoch of `train` does.
    func testMiniBatchesAndStepsEndWhereTheyEndWithoutAKeptEvaluation() throws {
        for schedule in [["seed 3", "train 2 epochs, batch 2"], ["step 3"]] {
            let kept = try interpreter(running: network + ["optimizer sgd(0.5)"] + schedule)
            let fresh = try interpreter(running: network + ["let unrelated = 2", "optimizer sgd(0.5)"] + schedule)
            XCTAssertEqual(kept.environment.parameters, fresh.environment.parameters, "\(schedule)")
            XCTAssertNotEqual(
                kept.environment.parameters, try interpreter(running: network).environment.parameters, "they moved")
            XCTAssertEqual(
                kept.environment.lastTraining?.log.map(\.loss), fresh.environment.lastTraining?.log.map(\.loss))
        }
    }

    /// `expect L < …` after `train` takes the training's final evaluation, and
    /// records the layer values evaluating L again would record.
    func testAnExpectationAfterTrainingReadsTheFinalEvaluation() throws {
        let interpreter = try interpreter(running: network + ["optimizer sgd(0.5)", "train 2 epochs"])
        let environment = interpreter.environment
        let kept = try XCTUnwrap(environment.keptLoss)
        let training = try XCTUnwrap(environment.lastTraining)
        XCTAssertEqual(kept.node.value.scalar, training.finalLoss)

        let recompute = environment.copy()
        XCTAssertNil(recompute.keptLoss)
        let fresh = Evaluation(recompute)
        let freshLoss = try fresh.evaluate(try expression("L")).value
        fresh.recordLayerValues()

        guard case let .check(check)? = try run(["expect L < 10"], in: interpreter).first else {
            return XCTFail("expect finds a check")
        }
        XCTAssertEqual(check.status, .passed)
        XCTAssertEqual(check.expectation?.leftValue, .init(freshLoss))
        XCTAssertEqual(environment.recordedLayerValues, recompute.recordedLayerValues)
        XCTAssertEqual(environment.recordedLayerValues.count, 5, "net.0.a, and z and a of both layers")
        XCTAssertNil(environment.keptLoss, "recording the layer values drops it")
    }

    /// The kept evaluation stands for evaluating the loss first: an evaluation
    /// that has read another value already, or replaces a name, evaluates it.
    func testOnlyAnEvaluationThatReadsTheLossFirstTakesIt() throws {
        let environment = try interpreter(running: network).environment
        let kept = try XCTUnwrap(environment.keptLoss).node
        let loss = try XCTUnwrap(environment.loss)

        let afterAName = Evaluation(environment)
        _ = try afterAName.evaluate(try expression("net.1.W"))
        let again = try afterAName.evaluateLoss(loss)
        XCTAssertFalse(again === kept)
        XCTAssertEqual(again.value, kept.value)

        let nudged = Evaluation(environment, overrides: ["net.2.b": Variable(Tensor(rows: [[0.5]]))])
        XCTAssertFalse(try nudged.evaluateLoss(loss) === kept)
        XCTAssertFalse(try Evaluation(environment, tracesConstants: true).evaluateLoss(loss) === kept)
        XCTAssertEqual(
            try Evaluation(environment).evaluate(try expression("L + 1")).value.scalar, kept.value.scalar + 1)
        XCTAssertTrue(try Evaluation(environment).evaluateLoss(loss) === kept)
    }

    func testAnythingTheLossReadsChangingDropsIt() throws {
        let changes: [(String, [String])] = [
            ("a param declared", ["param w = 1"]),
            ("a name bound", ["let c = 1"]),
            ("a data set loaded again", ["data x = [1, 1; 1, 1; 1, 1; 1, 1]"]),
            ("a model's layer values recorded", ["show net([2, 2])"]),
            ("a step", ["optimizer sgd(0.1)", "step 1"]),
        ]
        for (change, lines) in changes {
            let interpreter = try interpreter(running: network)
            XCTAssertNotNil(interpreter.environment.keptLoss, change)
            try run(lines, in: interpreter)
            XCTAssertNil(interpreter.environment.keptLoss, change)
        }
    }

    /// A loss that draws random numbers, itself or through a live name, draws
    /// others when evaluated again; a loss whose name meant something before
    /// was evaluated with that meaning. Neither is kept.
    func testALossThatDrawsRandomNumbersOrRedefinesANameIsNotKept() throws {
        let random = try interpreter(running: ["param w = 1", "loss L = (w + randn(1, 1))^2"])
        XCTAssertNil(random.environment.keptLoss)
        let throughALet = try interpreter(running: ["param w = 1", "let n = w + rand(1, 1)", "loss L = n * n"])
        XCTAssertNil(throughALet.environment.keptLoss)
        let redefined = try interpreter(running: ["param w = 1", "let L = 3", "loss L = (w - L)^2"])
        XCTAssertNil(redefined.environment.keptLoss)
        let plain = try interpreter(running: ["param w = 1", "let n = w + 1", "loss L = n * n"])
        XCTAssertEqual(plain.environment.keptLoss?.node.value.scalar, 4)
    }
}
