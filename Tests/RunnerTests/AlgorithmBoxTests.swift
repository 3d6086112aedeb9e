@testable import Runner
import XCTest

/// Algorithm boxes as PyTorch's documentation typesets them: `\textbf{if}` rows
/// decided on the chapter's optimizer, `\leftarrow` as assignment, and honest
/// errors where a box cannot be read as written.
final class AlgorithmBoxTests: XCTestCase {
    private func network(_ optimizer: String, steps: Int = 2) -> String {
        smallNetwork.replacingOccurrences(of: "optimizer sgd(lr: 0.1)", with: "optimizer \(optimizer)\nstep \(steps)")
    }

    private func statuses(_ check: CheckResult) -> [EquationResult.Status] {
        var seen: [Int: EquationResult.Status] = [:]
        for equation in check.equations where seen[equation.index] == nil { seen[equation.index] = equation.status }
        return seen.keys.sorted().map { seen[$0]! }
    }

    /// SGD's box with weight decay and momentum: the rows of the options that are
    /// off are skipped with the value that decided them, and θ_t is compared.
    private let sgdBox = #"""
        \begin{aligned}
        &\textbf{input} : \gamma \text{ (lr)}, \: \theta_0 \text{ (params)}, \: \lambda \text{ (weight decay)}, \\
        &\hspace{13mm} \:\mu \text{ (momentum)}, \:\tau \text{ (dampening)}, \:\textit{ nesterov} \\[-1.ex]
        &\rule{110mm}{0.4pt} \\
        &\textbf{for} \: t=1 \: \textbf{to} \: \ldots \: \textbf{do} \\
        &\hspace{5mm}g_t \leftarrow \nabla_{\theta} f_t (\theta_{t-1}) \\
        &\hspace{5mm}\textbf{if} \: \lambda \neq 0 \\
        &\hspace{10mm} g_t \leftarrow g_t + \lambda \theta_{t-1} \\
        &\hspace{5mm}\textbf{if} \: \mu \neq 0 \\
        &\hspace{10mm}\textbf{if} \: t > 1 \\
        &\hspace{15mm} \textbf{b}_t \leftarrow \mu \textbf{b}_{t-1} + (1-\tau) g_t \\
        &\hspace{10mm}\textbf{else} \\
        &\hspace{15mm} \textbf{b}_t \leftarrow g_t \\
        &\hspace{10mm}\textbf{if} \: \textit{nesterov} \\
        &\hspace{15mm} g_t \leftarrow g_{t} + \mu \textbf{b}_t \\
        &\hspace{10mm}\textbf{else} \\[-1.ex]
        &\hspace{15mm} g_t \leftarrow \textbf{b}_t \\
        &\hspace{5mm}\theta_t \leftarrow \theta_{t-1} - \gamma g_t \\
        &\bf{return} \: \theta_t
        \end{aligned}
        """#

    func testSGDsBoxIsReadRowByRowOnTheOptimizersOptions() throws {
        let result = try runChapter(
            network("sgd(lr: 0.1, momentum: 0.9, dampening: 0.3, weight_decay: 0.01)")
                + formula(sgdBox, "check formula where b = momentum_buffer"))
        let check = try XCTUnwrap(result.formulaChecks.first)
        XCTAssertEqual(check.status, .passed, check.diagnostics)
        // g_t, g_t + λθ, b_t (t > 1), b_t (else), g_t + μb (nesterov), g_t ← b_t, θ_t
        XCTAssertEqual(
            statuses(check),
            [
                .intermediate, .intermediate, .passed, .notApplicable, .notApplicable, .definition,
                .passed,
            ])
        XCTAssertEqual(
            check.equations.compactMap(\.unmetTest),
            [
                UnmetTest(source: "t > 1", holds: true, values: [.number(name: "t", value: 3)]),
                UnmetTest(source: #"\textit{nesterov}"#, holds: false, values: [.flag(name: "nesterov", isSet: false)]),
            ])
    }

    func testNesterovsBranchIsTakenWhenTheOptionIsOn() throws {
        let result = try runChapter(
            network("sgd(lr: 0.1, momentum: 0.9, nesterov: true)")
                + formula(sgdBox, "check formula where b = momentum_buffer"))
        let check = try XCTUnwrap(result.formulaChecks.first)
        XCTAssertEqual(check.status, .passed, check.diagnostics)
        XCTAssertEqual(
            statuses(check),
            [
                .intermediate, .notApplicable, .passed, .notApplicable, .definition, .notApplicable,
                .passed,
            ])
    }

    func testAWrongRowOfTheBoxFails() throws {
        let dampenedWrongly = sgdBox.replacingOccurrences(of: "(1-\\tau) g_t", with: "\\tau g_t")
        let decayedWrongly = sgdBox.replacingOccurrences(
            of: "g_t + \\lambda \\theta_{t-1}", with: "g_t - \\lambda \\theta_{t-1}")
        let result = try runChapter(
            network("sgd(lr: 0.1, momentum: 0.9, dampening: 0.3, weight_decay: 0.01)")
                + formula(dampenedWrongly, "check formula where b = momentum_buffer")
                + formula(decayedWrongly, "check formula where b = momentum_buffer"))
        XCTAssertEqual(result.formulaChecks.map(\.status), [.failed, .failed])
    }

    func testARowUnderAFalseTestComparesNothing() throws {
        let result = try runChapter(
            network("sgd(lr: 0.1)")
                + formula(
                    #"""
                    &\textbf{if} \: \lambda \neq 0 \\
                    &\hspace{5mm} \theta_t \leftarrow \theta_{t-1} + 100 \\
                    """#))
        let check = try XCTUnwrap(result.formulaChecks.first)
        XCTAssertEqual(check.equations.map(\.status), [.notApplicable])
        XCTAssertTrue(check.isDefinitionOnly, "nothing was compared: not counted as passed")
        XCTAssertEqual(result.counts.passed, 0)
        XCTAssertEqual(
            check.equations[0].unmetTest,
            UnmetTest(source: #"\lambda \neq 0"#, holds: false, values: [.number(name: #"\lambda"#, value: 0)]))
    }

    func testAnIfThatGovernsNoRowIsReportedWhereItIs() throws {
        let result = try runChapter(
            network("sgd(lr: 0.1)")
                + formula(
                    #"""
                    &\textbf{if} \: \lambda \neq 0 \\
                    &\theta_t \leftarrow \theta_{t-1} - \gamma \nabla_{\theta} f(\theta_{t-1}) \\
                    """#))
        let check = try XCTUnwrap(result.formulaChecks.first)
        XCTAssertEqual(check.status, .error)
        XCTAssertEqual(check.failure, .formulaUnreadable, check.diagnostics)
        XCTAssertEqual(
            check.location, chapterLocation(13, 2), "located at the \\textbf of the if: \(check.diagnostics)")
    }

    func testAnElseWithoutItsIfIsAnError() throws {
        let result = try runChapter(
            network("sgd(lr: 0.1)")
                + formula(
                    #"""
                    &\textbf{else} \\
                    &\hspace{5mm} \theta_t \leftarrow \theta_{t-1} \\
                    """#))
        XCTAssertEqual(result.formulaChecks.first?.status, .error)
        XCTAssertEqual(result.formulaChecks.first?.failure, .formulaUnreadable)
        XCTAssertEqual(result.formulaChecks.first?.location, chapterLocation(13, 2), "at the \\textbf of the else")
    }

    func testATestOnAnOptionTheOptimizerLacksIsAnError() throws {
        let result = try runChapter(
            network("sgd(lr: 0.1)")
                + formula(
                    #"""
                    &\textbf{if} \: \textit{centered} \\
                    &\hspace{5mm} \theta_t \leftarrow \theta_{t-1} \\
                    """#))
        let check = try XCTUnwrap(result.formulaChecks.first)
        XCTAssertEqual(check.status, .error)
        XCTAssertEqual(check.equations.first?.failure, .unknownOptimizerOption, check.diagnostics)
        XCTAssertEqual(check.equations.first?.location, chapterLocation(13, 17), "at \\textit{centered}")
    }

    /// PyTorch's AdamW box assigns θ_t twice: the first is the decoupled decay,
    /// an intermediate; the last is compared.
    func testAValueAssignedTwiceIsComparedWhereItIsAssignedLast() throws {
        let box = #"""
            &\hspace{5mm}g_t \leftarrow \nabla_{\theta} f_t (\theta_{t-1}) \\
            &\hspace{5mm} \theta_t \leftarrow \theta_{t-1} - \gamma \lambda \theta_{t-1} \\
            &\hspace{5mm}m_t \leftarrow \beta_1 m_{t-1} + (1 - \beta_1) g_t \\
            &\hspace{5mm}v_t \leftarrow \beta_2 v_{t-1} + (1-\beta_2) g^2_t \\
            &\hspace{5mm}\widehat{m_t} \leftarrow m_t/\big(1-\beta_1^t \big) \\
            &\hspace{5mm}\widehat{v_t} \leftarrow v_t/\big(1-\beta_2^t \big) \\
            &\hspace{5mm}\theta_t \leftarrow \theta_t - \gamma \widehat{m_t}/\big(\sqrt{\widehat{v_t}} + \epsilon \big) \\
            """#
        let withoutDecay = box.replacingOccurrences(
            of: #"\theta_{t-1} - \gamma \lambda \theta_{t-1}"#, with: #"\theta_{t-1}"#)
        let result = try runChapter(
            network("adamw(lr: 0.01, weight_decay: 0.1)")
                + formula(box) + formula(withoutDecay))
        XCTAssertEqual(
            result.formulaChecks.map(\.status), [.passed, .failed], result.formulaChecks.map(\.diagnostics).description)
        XCTAssertEqual(
            statuses(result.formulaChecks[0]),
            [.definition, .intermediate, .passed, .passed, .definition, .definition, .passed])
    }

    /// PyTorch's earlier AMSGrad row reads its own result; the present one takes
    /// the previous step's maximum.
    func testAMSGradsMaximumIsReadAsTheStateItNames() throws {
        let rows = #"""
            &\hspace{5mm}\textbf{if} \: amsgrad \\
            &\hspace{10mm}v_t^{max} \leftarrow \mathrm{max}(v_{t-1}^{max},v_t) \\
            """#
        let selfAssigned = #"""
            &\hspace{5mm}\textbf{if} \: amsgrad \\
            &\hspace{10mm}\widehat{v_t}^{max} \leftarrow \mathrm{max}(\widehat{v_t}^{max}, \widehat{v_t}) \\
            """#
        let result = try runChapter(
            network("adam(lr: 0.01, amsgrad: true)", steps: 3)
                + formula(rows) + formula(selfAssigned))
        XCTAssertEqual(result.formulaChecks[0].status, .passed, result.formulaChecks[0].diagnostics)
        XCTAssertEqual(result.formulaChecks[1].status, .error)
        let selfRead = result.formulaChecks[1]
        XCTAssertEqual(selfRead.equations.map(\.failure), [.assignedFromItself], selfRead.diagnostics)
        XCTAssertEqual(selfRead.equations.last?.location, chapterLocation(23, 15), "at the row's left side")
    }

    /// PyTorch's Adagrad box: γ is the learning rate, η its decay, τ the initial
    /// accumulator, `state\_sum` one name.
    func testAdagradsBoxNamesItsOwnLetters() throws {
        let box = #"""
            &\hspace{5mm}g_t \leftarrow \nabla_{\theta} f_t (\theta_{t-1}) \\
            &\hspace{5mm} \tilde{\gamma} \leftarrow \gamma / (1 +(t-1) \eta) \\
            &\hspace{5mm} \textbf{if} \: \lambda \neq 0 \\
            &\hspace{10mm} g_t \leftarrow g_t + \lambda \theta_{t-1} \\
            &\hspace{5mm}state\_sum_t \leftarrow state\_sum_{t-1} + g^2_t \\
            &\hspace{5mm}\theta_t \leftarrow \theta_{t-1}- \tilde{\gamma} \frac{g_t}{\sqrt{state\_sum_t}+\epsilon} \\
            """#
        let withoutDecay = box.replacingOccurrences(of: #"\tilde{\gamma} \frac"#, with: #"\gamma \frac"#)
        let result = try runChapter(
            network("adagrad(lr: 0.1, lr_decay: 0.05, weight_decay: 0.01, initial_accumulator_value: 0.2)")
                + formula(box) + formula(withoutDecay))
        XCTAssertEqual(
            result.formulaChecks.map(\.status), [.passed, .failed], result.formulaChecks.map(\.diagnostics).description)
    }

    /// PyTorch's Adadelta box: its `if` in plain letters, v and u its two running
    /// averages, ρ their decay and Δx the step.
    private let adadeltaBox = #"""
        &\hspace{5mm}g_t \leftarrow \nabla_{\theta} f_t (\theta_{t-1}) \\
        &\hspace{5mm}if \: \lambda \neq 0 \\
        &\hspace{10mm} g_t \leftarrow g_t + \lambda \theta_{t-1} \\
        &\hspace{5mm} v_t \leftarrow v_{t-1} \rho + g^2_t (1 - \rho) \\
        &\hspace{5mm}\Delta x_t \leftarrow \frac{\sqrt{u_{t-1} + \epsilon }}{ \sqrt{v_t + \epsilon} }g_t \\
        &\hspace{5mm} u_t \leftarrow u_{t-1} \rho + \Delta x^2_t (1 - \rho) \\
        &\hspace{5mm}\theta_t \leftarrow \theta_{t-1} - \gamma \Delta x_t \\
        """#

    func testAdadeltasBoxWithItsPlainIf() throws {
        let result = try runChapter(network("adadelta(rho: 0.8, weight_decay: 0.1)") + formula(adadeltaBox))
        let check = try XCTUnwrap(result.formulaChecks.first)
        XCTAssertEqual(check.status, .passed, check.message)
        // g_t, g_t + λθ, v_t, Δx_t, u_t, θ_t
        XCTAssertEqual(statuses(check), [.intermediate, .definition, .passed, .definition, .passed, .passed])
    }

    func testAdadeltasWeightDecayRowIsSkippedWithoutWeightDecay() throws {
        let result = try runChapter(network("adadelta(rho: 0.8)") + formula(adadeltaBox))
        let check = try XCTUnwrap(result.formulaChecks.first)
        XCTAssertEqual(check.status, .passed, check.message)
        XCTAssertEqual(statuses(check), [.definition, .notApplicable, .passed, .definition, .passed, .passed])
    }

    func testAdadeltaStepReadingTheAccumulatorAfterItsUpdateFails() throws {
        let wrong = adadeltaBox.replacingOccurrences(
            of: #"\sqrt{u_{t-1} + \epsilon }"#, with: #"\sqrt{u_t + \epsilon }"#)
        XCTAssertNotEqual(wrong, adadeltaBox)
        let result = try runChapter(network("adadelta(rho: 0.8, weight_decay: 0.1)") + formula(wrong))
        XCTAssertEqual(result.formulaChecks.map(\.status), [.failed], result.formulaChecks.map(\.message).description)
    }
}
