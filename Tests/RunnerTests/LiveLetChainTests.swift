import Notation
@testable import Runner
import XCTest

/// A chain of live lets (`let a2 = a1 + 1`) evaluates each link once where it is
/// defined, reading the links before it by the values they were defined with,
/// while those values are what evaluating them again would give.
final class LiveLetChainTests: XCTestCase {
    private func interpreter(running lines: [String]) throws -> Interpreter {
        let interpreter = Interpreter(file: "01-test.md", chapterDirectory: "/tmp", bookRoot: "/tmp", progress: nil)
        let parsed = parseDirectives(lines.joined(separator: "\n"), file: "01-test.md", firstLine: 1)
        XCTAssertEqual(parsed.diagnostics.map(\.message), [])
        for statement in parsed.statements { _ = try interpreter.execute(statement) }
        return interpreter
    }

    func testEachLinkKeepsItsValueAndTheDepthItsEvaluationNeeds() throws {
        let chain = ["param w = 1", "let a0 = w"] + (1..<100).map { "let a\($0) = a\($0 - 1) + 1" }
        let environment = try interpreter(running: chain).environment
        XCTAssertEqual(environment.definitionValues.count, 100)
        XCTAssertEqual(environment.definitionValues["a99"]?.value.scalar, 100)
        // Two levels a link (the sum, the name), as if every link were evaluated again.
        let depths = (0..<100).map { environment.definitionValues["a\($0)"]?.depth ?? -1 }
        XCTAssertEqual(depths, (0..<100).map { 2 * $0 + 1 })
    }

    /// After the param moves, the links are evaluated afresh: the values agree with
    /// the chain recomputed by hand, never with the values they were defined with.
    func testAChangedParamIsNeverReadThroughAStaleValue() throws {
        let lines = [
            "param w = 1", "let a0 = w * 3", "let a1 = a0 + 1", "loss L = (w - 5)^2", "optimizer sgd(lr: 0.25)",
            "step 1", "let a2 = a1 * 2",
        ]
        let interpreter = try interpreter(running: lines)
        let w = try XCTUnwrap(interpreter.environment.parameters["w"]?.scalar)
        XCTAssertEqual(w, 3, "one step of 0.25 · 2(w − 5) from 1")
        XCTAssertEqual(
            try interpreter.evaluateOnce(Expr(.name("a2"), at: SourceLocation(file: "f", line: 1, column: 1)))
                .value.scalar, (w * 3 + 1) * 2)
        XCTAssertEqual(interpreter.environment.definitionValues["a2"]?.value.scalar, (w * 3 + 1) * 2)
        XCTAssertNil(interpreter.environment.definitionValues["a1"], "defined before the step")
        XCTAssertEqual(interpreter.environment.repeatableLiveNames, ["a0", "a1", "a2"])
    }

    /// Links that draw random numbers or call a model are evaluated every time, as before.
    func testRandomNumbersAndModelsAreNotKept() throws {
        let environment = try interpreter(running: [
            "param w = 1", "let r = w + rand(1, 1)", "let s = r + 1", "let x = [1, 2]",
            "model net = dense(2, 1)", "let h = net(x)", "let k = w + 1",
        ]).environment
        XCTAssertEqual(Set(environment.definitionValues.keys), ["k"])
    }

    /// Past the bound on depth, the error is at the let that goes too deep, not
    /// at the first link of the chain.
    func testAChainTooDeepIsAnErrorAtTheLetThatGoesPastTheBound() throws {
        let chain = ["param w = 1", "let a0 = w"] + (1..<2000).map { "let a\($0) = a\($0 - 1) + 1" }
        let result = try runChapter("# Chain\n\n```tutor\n" + chain.joined(separator: "\n") + "\n```\n")
        let error = try XCTUnwrap(result.errors.first)
        XCTAssertEqual(
            error.message,
            "the expression nests more than 3000 levels deep, counting the live names it reads (a let defined in "
                + "terms of a let, and so on); shorten the chain")
        XCTAssertEqual(error.location.line, 4 + 1501, "a1500 = a1499 + 1 needs 3001 levels")
        XCTAssertEqual(error.sourceLine, "let a1500 = a1499 + 1")
    }
}
