import Chapter
@testable import Runner
import XCTest

/// Verdicts that must be right or honest errors: limits, definitions, products
/// without an operator, non-finite sides, bindings, arguments and inverses.
final class FormulaVerdictTests: XCTestCase {
    private let line = """
        # A line

        ```tutor
        seed 5
        let x = rand(20, 1)
        let y = 3 * x - 1
        param w = 0.5
        param b = 0.25
        loss C = mse(w * x + b, y)
        ```

        """

    private func statuses(_ result: ChapterResult) -> [CheckStatus] { result.formulaChecks.map(\.status) }
    private func messages(_ result: ChapterResult) -> String {
        result.formulaChecks.map(\.diagnostics).joined(separator: " | ")
    }

    func testSumLimitsAreHonouredOrAnError() throws {
        let bind = "check formula where x_i = x, y_i = y"
        let result = try runChapter(
            line
                + formula(#"C = \frac{1}{20} \sum_{i=1}^{20} (w x_i + b - y_i)^2"#, bind)
                + formula(#"C = \frac{1}{10} \sum_{i=1}^{10} (w x_i + b - y_i)^2"#, bind)
                + formula(#"C = \frac{1}{N} \sum_{i=1}^{N} (w x_i + b - y_i)^2"#, bind + ", N = 5")
                + formula(#"C = \frac{1}{30} \sum_{i=1}^{30} (w x_i + b - y_i)^2"#, bind))
        XCTAssertEqual(statuses(result), [.passed, .failed, .failed, .error], messages(result))
        let beyond = result.formulaChecks[3]
        XCTAssertEqual(beyond.equations.map(\.failure), [.sumOutsideValues], beyond.diagnostics)
        XCTAssertEqual(beyond.equations.first?.location, chapterLocation(36, 18), "at the \\sum past the 20 rows")
    }

    func testAnUnboundLeftSideIsADefinitionNotAPass() throws {
        let result = try runChapter(line + formula(#"\delta^{(2)} = w x - y"#))
        let check = try XCTUnwrap(result.formulaChecks.first)
        XCTAssertTrue(check.isDefinitionOnly)
        XCTAssertEqual(check.equations.map(\.status), [.definition], check.diagnostics)
        XCTAssertEqual(check.equations.first?.defined, DefinedSymbol(symbol: "δ^{(2)}"))
        XCTAssertEqual(result.counts.passed, 0, "a definition compared nothing")
        XCTAssertEqual(result.counts.definitions, 1)
    }

    func testAdamsUpdateOnAMatrixParamIsElementwise() throws {
        let adam = smallNetwork + "```tutor\noptimizer adam(lr: 0.01)\nstep 2\n```\n\n"
        let rule = #"""
            m_t = \beta_1 m_{t-1} + (1 - \beta_1) \nabla_{\theta} J(\theta_t) \\
            v_t = \beta_2 v_{t-1} + (1 - \beta_2) (\nabla_{\theta} J(\theta_t))^2 \\
            \hat{m}_t = \frac{m_t}{1 - \beta_1^t} \\
            \hat{v}_t = \frac{v_t}{1 - \beta_2^t} \\
            """#
        let result = try runChapter(
            adam
                + formula(rule + #"\theta_{t+1} = \theta_t - \frac{\eta}{\sqrt{\hat{v}_t} + \epsilon} \hat{m}_t"#)
                + formula(#"\theta_{t+1} = \theta_t - \frac{\eta}{\sqrt{v_t} + \epsilon} m_t"#))
        XCTAssertEqual(statuses(result), [.passed, .failed], messages(result))
        XCTAssertTrue(
            result.formulaChecks[0].equations.contains { $0.subject?.parameter == "net.1.W" && $0.status == .passed })
    }

    func testSideBySideColumnsMultiplyElementwise() throws {
        let result = try runChapter(
            """
            # Cross-entropy

            ```tutor
            seed 2
            let p = rand(200, 1)
            let y = rand(200, 1)
            let s = sum(y * log(p))
            ```

            """ + formula(#"s = \sum_i y_i \log p_i"#, "check formula where y_i = y, p_i = p"))
        XCTAssertEqual(statuses(result), [.passed], messages(result))
    }

    func testNonFiniteSidesFailWithTheirEntries() throws {
        let result = try runChapter(
            """
            # Infinity

            ```tutor
            let u = [1, 2] / 0
            let n = [0, 1] / 0
            ```

            """ + formula("u = u") + formula("n = n") + formula("u = 1"))
        XCTAssertEqual(statuses(result), [.failed, .failed, .failed], messages(result))
        XCTAssertEqual(
            result.formulaChecks[0].equations.first?.worst?.left, .infinity, result.formulaChecks[0].diagnostics)
    }

    func testLayerIndicesThatAreNotSmallWholeNumbersAreErrors() throws {
        for bad in ["1e300", "0/0", "1.5"] {
            let result = try runChapter(
                smallNetwork + formula(#"a^{(l)} = f(z^{(l)})"#, "check formula where l = \(bad)"))
            XCTAssertEqual(statuses(result), [.error], "l = \(bad): \(messages(result))")
            XCTAssertEqual(result.formulaChecks.map(\.failures), [[.indexNotWhole]], "l = \(bad)")
        }
        let huge = try runChapter(smallNetwork + formula(#"W^{(99999999999999999999)} = W^{(1)}"#))
        XCTAssertEqual(statuses(huge), [.error], messages(huge))
        XCTAssertEqual(huge.formulaChecks.map(\.failures), [[.indexNotWhole]])
    }

    func testWhereBindsOptimizerOptionsAndStateByPyTorchNames() throws {
        let sgd = smallNetwork + "```tutor\noptimizer sgd(lr: 0.1, momentum: 0.9)\nstep 2\n```\n\n"
        let result = try runChapter(
            sgd
                + formula(
                    #"\theta_t = \theta_{t-1} - \gamma b_t"#, "check formula where \\gamma = lr, b = momentum_buffer")
                + formula(
                    #"b_t = \mu b_{t-1} + \nabla_\theta J(\theta_{t-1})"#,
                    "check formula where \\mu = momentum, b = momentum_buffer")
                + formula(#"b_t = \mu b_{t-1}"#, "check formula where \\mu = momentum, b = momentum_buffer"))
        XCTAssertEqual(statuses(result), [.passed, .passed, .failed], messages(result))
    }

    func testABindingOnATimeSteppedSymbolIsHonoured() throws {
        let adam = smallNetwork + "```tutor\noptimizer adam(lr: 0.01)\nstep 2\n```\n\n"
        // v bound to m: the first moment does not follow the second moment's rule.
        let result = try runChapter(
            adam
                + formula(
                    #"v_t = \beta_2 v_{t-1} + (1 - \beta_2) (\nabla_{\theta} J(\theta_t))^2"#,
                    "check formula where v = m"))
        XCTAssertEqual(statuses(result), [.failed], messages(result))
    }

    func testABindingNothingUsesIsAnError() throws {
        let result = try runChapter(line + formula("C = C", "check formula where q = 3"))
        XCTAssertEqual(statuses(result), [.error], messages(result))
        XCTAssertEqual(result.formulaChecks[0].failure, .bindingUnused, messages(result))
        XCTAssertEqual(
            result.formulaChecks[0].location, chapterLocation(16, 21), "at q in the where: \(messages(result))")
    }

    func testTheLossIsEvaluatedAtItsArgument() throws {
        let momentum = smallNetwork + "```tutor\noptimizer momentum(lr: 0.1, gamma: 0.9)\nstep 3\n```\n\n"
        let result = try runChapter(
            momentum
                + formula(#"v_t = \gamma v_{t-1} + \eta \nabla_{\theta} J(\theta_t)"#)
                // Nesterov's look-ahead is not what classical momentum computes.
                + formula(#"v_t = \gamma v_{t-1} + \eta \nabla_{\theta} J(\theta_t - \gamma v_{t-1})"#)
                + formula(#"v_t = \gamma v_{t-1} + \eta \nabla_{\theta} J(2 \theta_t - \theta_t)"#))
        XCTAssertEqual(statuses(result), [.passed, .failed, .passed], messages(result))
    }

    func testAMatrixToTheMinusOneIsItsInverse() throws {
        let result = try runChapter(
            """
            # Normal equations

            ```tutor
            seed 4
            let X = rand(20, 3)
            let w = [1; 2; 3]
            let y = X @ w
            ```

            """ + formula(#"w = (X^T X)^{-1} X^T y"#) + formula(#"w = (X^T X)^{-1} X y"#)
                + formula(#"w = X^{-1} y"#))
        XCTAssertEqual(statuses(result), [.passed, .failed, .failed], messages(result))
    }
}

/// `x^{(i)}`, `y^{(i)}`: one example of the data, as textbooks write it.
final class ExampleSuperscriptTests: XCTestCase {
    private let regression = """
        # Examples

        ```tutor
        seed 6
        let x = rand(12, 2)
        let y = x @ [1.5; -2.0] + 0.3
        param w = [0.2; 0.1]
        param b = 0.05
        loss L = mse(x @ w + b, y)
        let r = x @ w + b - y
        ```

        """

    func testASumOverExamplesIsTheTermAtEachExampleAdded() throws {
        let result = try runChapter(
            regression
                + formula(#"L = \frac{1}{12} \sum_{i=1}^{12} (\mathbf{w}^\top \mathbf{x}^{(i)} + b - y^{(i)})^2"#)
                + formula(#"L = \frac{1}{12} \sum_{i=1}^{12} (\mathbf{w}^\top \mathbf{x}^{(i)} - y^{(i)})^2"#)
                + formula(#"L = \frac{1}{6} \sum_{i=1}^{6} (\mathbf{w}^\top \mathbf{x}^{(i)} + b - y^{(i)})^2"#))
        XCTAssertEqual(
            result.formulaChecks.map(\.status), [.passed, .failed, .failed],
            result.formulaChecks.map(\.diagnostics).description)
    }

    func testAnExampleIsARowAsAColumnAndItsIndexIsBoundFromOne() throws {
        let result = try runChapter(
            regression
                + formula(#"r^{(i)} = \mathbf{w}^\top \mathbf{x}^{(i)} + b - y^{(i)}"#, "check formula where i = 12")
                + formula(#"r^{(i)} = \mathbf{w}^\top \mathbf{x}^{(i)} + b - y^{(i)}"#, "check formula where i = 13")
                + formula(#"r^{(i)} = \mathbf{w}^\top \mathbf{x}^{(i)} + b - y^{(i)}"#))
        XCTAssertEqual(result.formulaChecks.map(\.status), [.passed, .error, .error])
        let outside = result.formulaChecks[1], free = result.formulaChecks[2]
        XCTAssertEqual(outside.equations.map(\.failure), [.exampleOutsideRows], outside.diagnostics)
        XCTAssertEqual(outside.equations.first?.location, chapterLocation(21, 1), "at r^{(i)}, 13 past its 12 rows")
        XCTAssertEqual(free.equations.map(\.failure), [.exampleIndexFree], free.diagnostics)
        XCTAssertEqual(free.equations.first?.location, chapterLocation(29, 1), "at r^{(i)}, i neither summed nor bound")
    }

    /// The derivative of the sum over examples is autodiff's through every term,
    /// confirmed by finite differences like any other.
    func testADerivativeThroughASumOverExamplesIsConfirmed() throws {
        let result = try runChapter(
            regression
                + formula(
                    #"\frac{\partial L}{\partial b} = \frac{2}{12} \sum_{i=1}^{12} (\mathbf{w}^\top \mathbf{x}^{(i)} + b - y^{(i)})"#
                ))
        XCTAssertEqual(result.formulaChecks.first?.status, .passed, result.formulaChecks.first?.diagnostics ?? "")
    }

    func testPartialWithASubscriptIsADerivative() throws {
        let result = try runChapter(
            regression
                + formula(#"\partial_b L = \frac{2}{12} \sum_{i=1}^{12} r^{(i)}"#)
                + formula(#"\partial_b L = \frac{1}{12} \sum_{i=1}^{12} r^{(i)}"#))
        XCTAssertEqual(result.formulaChecks.map(\.status), [.passed, .failed])
    }
}

/// `\mathbb{1}(…)` and `\begin{cases} … \end{cases}`: comparisons inside a formula.
final class PiecewiseFormulaTests: XCTestCase {
    private let values = """
        # Piecewise

        ```tutor
        let z = [-1.5, 0.25, 2.0; 0.5, -0.75, 3.0]
        let r = relu(z)
        ```

        """

    func testAnIndicatorIsOneWhereItsConditionHolds() throws {
        let result = try runChapter(
            values
                + formula(#"f'(z) = \mathbb{1}(z > 0)"#, "check formula where f = relu")
                + formula(#"f'(z) = \mathbb{1}_{z > 0}"#, "check formula where f = relu")
                + formula(#"f'(z) = \mathbb{1}(z < 0)"#, "check formula where f = relu")
                + formula(#"r = z \, \mathbb{1}(z \geq 0)"#))
        XCTAssertEqual(
            result.formulaChecks.map(\.status), [.passed, .passed, .failed, .passed],
            result.formulaChecks.map(\.diagnostics).description)
    }

    func testCasesTakeTheFirstCaseThatHoldsAndOtherwiseTheRest() throws {
        let result = try runChapter(
            values
                + formula(#"r = \begin{cases} z & \text{if } z > 0, \\ 0 & \text{otherwise.} \end{cases}"#)
                + formula(
                    #"f'(z) = \begin{cases} 1 & z > 0 \\ 0 & z \leq 0 \end{cases}"#, "check formula where f = relu")
                + formula(#"r = \begin{cases} z & z < 0 \\ 0 & \text{otherwise} \end{cases}"#)
                // Both rows hold at z > 1: the first wins, as a cases block is read.
                + formula(#"r = \begin{cases} z & z > 0 \\ 100 & z > 1 \\ 0 & \text{otherwise} \end{cases}"#))
        XCTAssertEqual(
            result.formulaChecks.map(\.status), [.passed, .passed, .failed, .passed],
            result.formulaChecks.map(\.diagnostics).description)
    }

    func testAMalformedCasesBlockIsALocatedError() throws {
        let result = try runChapter(
            values
                + formula(#"r = \begin{cases} z & \text{always} \end{cases}"#)
                + formula(#"r = \begin{cases} 0 & \text{otherwise} \\ z & z > 0 \end{cases}"#)
                + formula(#"r = \mathbb{1} z"#))
        XCTAssertEqual(result.formulaChecks.map(\.status), [.error, .error, .error])
        // At the \text{always}, at the row after the otherwise, at the \mathbb{1} without its condition.
        XCTAssertEqual(
            result.formulaChecks.map(\.location),
            [chapterLocation(8, 23), chapterLocation(16, 43), chapterLocation(24, 5)],
            result.formulaChecks.map(\.diagnostics).description)
    }
}

/// A display formula is read once, with the chapter; each check records the
/// formula it read, so its verdict is drawn beside that one.
final class FormulaReadOnceTests: XCTestCase {
    func testACheckRecordsTheFormulaItRead() throws {
        let result = try runChapter(
            smallNetwork
                + "$$\nC = C\n$$\n\nSome prose.\n\n$$\nC = 2 C\n$$\n\n```tutor\ncheck formula expect fail\n```\n\n")
        let check = try XCTUnwrap(result.formulaChecks.first)
        let formulas = result.document.blocks.compactMap { block -> DisplayMath? in
            if case let .displayMath(math) = block { return math } else { return nil }
        }
        XCTAssertEqual(check.formula, formulas.last?.location, "the nearest formula above, not the first")
        XCTAssertEqual(formulas.last?.reading.equations.count, 1, "read with the chapter")
        XCTAssertEqual(check.status, .xfail)
    }
}

/// `\tanh^2(x)`: a power written on the function's name is the power of its value.
final class FunctionPowerTests: XCTestCase {
    func testAPowerOnAFunctionsNameIsThePowerOfItsValue() throws {
        let result = try runChapter(
            "# Powers\n\n```tutor\nlet x = [0.5, -0.25, 1.0]\n```\n\n"
                + formula(#"\frac{d}{dx} \tanh(x) = 1 - \tanh^2(x)"#)
                + formula(#"\frac{d}{dx} \tanh(x) = 1 + \tanh^2(x)"#)
                + formula(#"\exp^{2}(x) = \exp(2 x)"#))
        XCTAssertEqual(
            result.formulaChecks.map(\.status), [.passed, .failed, .passed],
            result.formulaChecks.map(\.diagnostics).description)
    }
}
