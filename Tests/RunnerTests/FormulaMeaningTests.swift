@testable import Runner
import XCTest

/// Each rule by which a formula's symbols get their meaning.
final class FormulaMeaningTests: XCTestCase {
    func testLayerSuperscriptsNameTheModelsLayers() throws {
        let result = try runChapter(smallNetwork + formula(#"z^{(2)} = a^{(1)} (W^{(2)})^T + b^{(2)}"#))
        let check = try XCTUnwrap(result.formulaChecks.first)
        XCTAssertEqual(check.status, .passed, check.diagnostics)
        XCTAssertEqual(check.equations.first?.left?.shape, .matrix(6, 1), "batched: one example per row")
    }

    func testAFreeLayerIndexIsCheckedAtEveryLayerWhereItsSymbolsExist() throws {
        let result = try runChapter(
            smallNetwork
                + formula(#"\delta^{(l)} = \frac{\partial C}{\partial z^{(l)}}"#)
                + formula(
                    #"\delta^{(l)} = \left( (W^{(l+1)})^T \delta^{(l+1)} \right) \cdot \frac{\partial a^{(l)}}{\partial z^{(l)}}"#,
                    "check formula for example 2"))
        let definition = result.formulaChecks[0]
        XCTAssertEqual(definition.equations.map(\.status), [.definition])
        let recurrence = result.formulaChecks[1]
        XCTAssertEqual(recurrence.status, .passed, recurrence.diagnostics)
        XCTAssertEqual(
            recurrence.equations.map(\.subject), [EquationSubject(layer: 1)],
            "W⁽³⁾ does not exist: layer 2 is not checked")
        XCTAssertFalse(recurrence.equations[0].derivatives.isEmpty, "derivatives say how they were confirmed")
        XCTAssertTrue(
            recurrence.equations[0].derivatives.allSatisfy { $0.method == .gradient || $0.method == .elementwise },
            "each derivative confirmed by central differences")
    }

    func testNielsensEquationsReadWithBareLayersAndEntries() throws {
        let result = try runChapter(
            smallNetwork
                + formula(#"\delta^l_j \equiv \frac{\partial C}{\partial z^l_j}"#, "check formula for example 1")
                + formula(#"\delta^L = \nabla_a C \odot \sigma'(z^L)"#, "check formula for example 1")
                + formula(#"\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)"#, "check formula for example 1")
                + formula(
                    #"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j"#, "check formula for example 1")
                + formula(
                    #"\frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j + 0.001"#,
                    "check formula for example 1"))
        let checks = result.formulaChecks
        XCTAssertEqual(checks[0].equations.map(\.status), [.definition])
        // The output layer is linear: σ′ is not its activation's derivative, so BP1a with σ fails there.
        XCTAssertEqual(checks[1].status, .failed, checks[1].diagnostics)
        XCTAssertEqual(checks[2].status, .passed, checks[2].diagnostics)
        XCTAssertEqual(checks[2].equations.map(\.subject), [EquationSubject(layer: 1)])
        XCTAssertEqual(checks[3].status, .passed, checks[3].diagnostics)
        XCTAssertEqual(
            checks[3].equations.map(\.subject),
            [
                EquationSubject(layer: 1, components: ["j", "k"]),
                EquationSubject(layer: 2, components: ["j", "k"]),
            ])
        XCTAssertEqual(
            checks[3].equations.map { $0.left?.shape }, [.matrix(2, 3), .matrix(1, 2)],
            "every entry of w^l: out × in")
        XCTAssertEqual(checks[4].status, .failed, "an entry off by 0.001 is found")
    }

    func testABareSuperscriptIsAPowerOffALayerSymbol() throws {
        // With a model, a chapter's own `a` keeps its powers; without a model, so does every letter.
        let withModel = try runChapter(smallNetwork + "```tutor\nlet a = 3\n```\n\n" + formula(#"9 = a^2"#))
        XCTAssertEqual(withModel.formulaChecks.first?.status, .passed, withModel.formulaChecks.first?.diagnostics ?? "")
        let withoutModel = try runChapter(
            "# Powers\n\n```tutor\nlet z = 2\n```\n\n"
                + formula(#"8 = z^3"#) + formula(#"5 = z^2"#))
        XCTAssertEqual(withoutModel.formulaChecks.map(\.status), [.passed, .failed])
    }

    func testAnEntryOfABatchIsAnErrorThatNamesTheExample() throws {
        let result = try runChapter(
            smallNetwork
                + formula(#"\frac{\partial C}{\partial b^l_j} = \frac{\partial C}{\partial z^l_j}"#))
        let check = try XCTUnwrap(result.formulaChecks.first)
        XCTAssertEqual(check.status, .error)
        XCTAssertEqual(check.equations.first?.failure, .oneIndexOnAMatrix, check.diagnostics)
        XCTAssertEqual(check.equations.first?.location, chapterLocation(12, 64), "at z^l_j, an entry of a batch")
    }

    func testAValueAppliedToTheModelsInputIsItsValueAtTheExamples() throws {
        let result = try runChapter(
            smallNetwork + "```tutor\nlet u = 2\n```\n\n"
                + formula(#"C = \frac{1}{n} \sum_x \|y(x)-a^L(x)\|^2"#, "check formula where n = 6")
                + formula(#"C = \frac{1}{2n} \sum_x \|y(x)-a^L(x)\|^2"#, "check formula where n = 6")
                + formula(#"u(1-u) = -2"#))
        XCTAssertEqual(
            result.formulaChecks.map(\.status), [.passed, .failed, .passed],
            result.formulaChecks.map(\.diagnostics).joined(separator: "; "))
    }

    func testForExampleWritesVectorsAsColumns() throws {
        let result = try runChapter(
            smallNetwork
                + formula(#"\delta^{(l)} = \frac{\partial C}{\partial z^{(l)}}"#)
                + formula(
                    #"\frac{\partial C}{\partial W^{(l)}} = \delta^{(l)} (a^{(l-1)})^T"#, "check formula for example 4")
        )
        let check = result.formulaChecks[1]
        XCTAssertEqual(check.status, .passed, check.diagnostics)
        XCTAssertEqual(check.equations.map(\.subject), [EquationSubject(layer: 1), EquationSubject(layer: 2)])
        XCTAssertEqual(check.equations[0].right?.shape, .matrix(2, 3), "a column δ times a row aᵀ is shaped like W")
    }

    func testForExampleTakesItsRowsFromTheLastModelsInput() throws {
        // Another model, called on fewer rows, must not decide which rows an example is taken from.
        let result = try runChapter(
            """
            # Two models

            ```tutor
            seed 3
            let u = rand(4, 3)
            model other = dense(3, 1)
            let o = other(u)
            let x = rand(6, 3)
            let y = rand(6, 1)
            model net = dense(3, 2, sigmoid) >> dense(2, 1)
            loss C = mse(net(x), y)
            ```

            """ + formula(#"z^{(2)} = W^{(2)} a^{(1)} + b^{(2)}"#, "check formula for example 5"))
        let check = try XCTUnwrap(result.formulaChecks.first)
        XCTAssertEqual(check.status, .passed, check.diagnostics)
        XCTAssertEqual(check.equations.first?.left?.shape, .matrix(1, 1), "one example of net's input")
    }

    func testADerivativeByAnAliasOfAParamIsConfirmedThroughTheParam() throws {
        // W is net.1.W's node: finite differences must nudge it under both names, or they see no change.
        let result = try runChapter(
            smallNetwork + "```tutor\nlet W = net.1.W\n```\n\n"
                + formula(#"\frac{\partial C}{\partial W} = \frac{\partial C}{\partial W^{(1)}}"#))
        let check = try XCTUnwrap(result.formulaChecks.first)
        XCTAssertEqual(check.status, .passed, check.diagnostics)
        let note = try XCTUnwrap(check.equations.first?.derivatives.first { $0.label == "∂C/∂W" })
        XCTAssertNotEqual(note.maxRelativeError, 0, "a zero finite difference confirmed nothing: \(note)")
    }

    func testWhereBindsALayerAndSymbols() throws {
        let result = try runChapter(
            smallNetwork
                + formula(#"a^{(l)} = f(z^{(l)})"#, "check formula where l = 1"))
        let check = result.formulaChecks[0]
        XCTAssertEqual(check.status, .passed, check.diagnostics)
        XCTAssertEqual(check.equations.count, 1, "l is bound: one layer only")
    }

    func testPrimeIsTheDerivativeOfTheLayersActivation() throws {
        let result = try runChapter(
            smallNetwork
                + formula(#"\frac{\partial a^{(1)}}{\partial z^{(1)}} = f'(z^{(1)})"#)
                + formula(#"\frac{\partial a^{(1)}}{\partial z^{(1)}} = \sigma(z^{(1)}) \cdot (1 - \sigma(z^{(1)}))"#))
        XCTAssertEqual(
            result.formulaChecks.map(\.status), [.passed, .passed], result.formulaChecks.map(\.diagnostics).joined())
    }

    func testAnUpdateFormulaIsCheckedForEveryParamWithoutChangingTheChapter() throws {
        let result = try runChapter(
            smallNetwork + """
                ```tutor
                let before = value(net.1.W)
                ```

                """ + formula(#"\theta_{t+1} = \theta_t - \eta \nabla_{\theta} C(\theta_t)"#) + """
                    ```tutor
                    expect net.1.W == before
                    let r = rand(1, 1)
                    show r
                    ```

                    """)
        let check = result.formulaChecks[0]
        XCTAssertEqual(check.status, .passed, check.diagnostics)
        XCTAssertEqual(check.equations.compactMap(\.subject?.parameter), ["net.1.W", "net.1.b", "net.2.W", "net.2.b"])
        XCTAssertEqual(result.checks.last?.status, .passed, "the check took its step on a copy")

        // The random generator is untouched too: the same chapter without the check draws the same r.
        let without = try runChapter(smallNetwork + "```tutor\nlet r = rand(1, 1)\nshow r\n```\n")
        XCTAssertEqual(result.shows.last?.value, without.shows.last?.value)
    }

    func testTheSameNameOnBothSidesIsAnAssignment() throws {
        let right = try runChapter(
            smallNetwork + formula(#"\theta = \theta - \eta \frac{\partial C}{\partial \theta}"#))
        XCTAssertEqual(right.formulaChecks[0].status, .passed, right.formulaChecks[0].diagnostics)
        let wrong = try runChapter(
            smallNetwork
                + formula(
                    #"\theta = \theta + \eta \frac{\partial C}{\partial \theta}"#,
                    "check formula expect fail"))
        XCTAssertEqual(wrong.formulaChecks[0].status, .xfail, "a sign error is an erratum confirmed")
    }

    func testOptimizerStateBeforeAndAfterTheStep() throws {
        let result = try runChapter(
            smallNetwork + """
                ```tutor
                optimizer adam(lr: 0.01)
                step 2
                ```

                """ + formula(#"m_t = \beta_1 m_{t-1} + (1 - \beta_1) \nabla_{\theta} J(\theta_t)"#)
                + formula(#"m_t = m_{t-1}"#, "check formula expect fail"))
        XCTAssertEqual(
            result.formulaChecks.map(\.status), [.passed, .xfail], result.formulaChecks.map(\.diagnostics).joined())
    }

    func testElementwiseDerivativeOfSomethingNotElementwiseIsAnError() throws {
        let result = try runChapter(
            """
            # Softmax

            ```tutor
            let z = [0.5, -1, 2]
            let s = softmax(z)
            ```

            """ + formula(#"\frac{\partial s}{\partial z} = s"#))
        let check = result.formulaChecks[0]
        XCTAssertEqual(check.status, .error)
        XCTAssertEqual(check.equations.map(\.failure), [.derivativeNotElementwise], check.diagnostics)
        XCTAssertEqual(check.equations.first?.location, chapterLocation(8, 16), "at the s differentiated")
    }

    func testMismatchedShapesMeanTheFormulaDoesNotHold() throws {
        let result = try runChapter(
            smallNetwork
                + formula(#"\delta^{(l)} = \frac{\partial C}{\partial z^{(l)}}"#)
                + formula(#"\frac{\partial C}{\partial W^{(2)}} = \delta^{(2)} a^{(1)}"#, "check formula for example 0")
        )
        let check = result.formulaChecks[1]
        XCTAssertEqual(check.status, .failed)
        XCTAssertEqual(
            check.equations.map { [$0.left?.shape, $0.right?.shape] },
            [[.matrix(1, 2), .matrix(2, 1)]], check.diagnostics)
    }

    func testUnknownSymbolsAndUnreadableFormulasAreLocatedErrors() throws {
        let unknown = try runChapter(smallNetwork + formula(#"q = C"#))
        XCTAssertEqual(
            unknown.formulaChecks.first?.equations.first?.status, .definition, "an unbound left side defines")
        let unbound = try runChapter(smallNetwork + formula(#"C = q"#))
        XCTAssertEqual(unbound.formulaChecks.first?.status, .error)
        XCTAssertEqual(unbound.formulaChecks.first?.equations.map(\.failure), [.unboundSymbol])
        XCTAssertEqual(unbound.formulaChecks.first?.equations.first?.location, chapterLocation(12, 5), "at q")

        // An unreadable formula is an error of its check only: the chapter goes on.
        let outside = try runChapter(smallNetwork + formula(#"C = \int_0^1 x\,dx"#) + "```tutor\nshow C\n```\n")
        let check = try XCTUnwrap(outside.formulaChecks.first)
        XCTAssertEqual(check.status, .error)
        XCTAssertEqual(check.failure, .formulaUnreadable, check.diagnostics)
        XCTAssertEqual(check.location, chapterLocation(12, 5), "located at \\int inside the formula, not at the check")
        XCTAssertEqual(outside.shows.count, 1, "the statements after the check still run")
    }

    func testToleranceAndUnexpectedPass() throws {
        let loose = try runChapter(
            smallNetwork + """
                ```tutor
                let c = value(C) * (1 + 1e-6)
                ```

                """ + formula("C = c") + formula("C = c", "check formula within 1e-4")
                + formula("C = C", "check formula expect fail"))
        XCTAssertEqual(loose.formulaChecks.map(\.status), [.failed, .passed, .xpass])
    }
}

/// `grad` in statements.
final class GradientStatementTests: XCTestCase {
    func testGradWithRespectToAConstantTheLossWasComputedFrom() throws {
        let result = try runChapter(
            """
            # grad

            ```tutor
            let z = [0.5, -1, 2]
            let s = sum(exp(z))
            show grad(s, z)
            expect grad(s, z) ≈ exp(z) ± 1e-12
            ```
            """)
        XCTAssertEqual(result.checks.map(\.status), [.passed], result.checks.map(\.diagnostics).joined())
        XCTAssertEqual(result.shows.first?.value.shape, .matrix(1, 3))
    }
}

/// One evaluation is one graph: a model applied twice to the same input is one
/// application, so a layer's name always denotes the node the loss was computed from.
final class OneGraphTests: XCTestCase {
    func testTheLossByNameAndByLetterDifferentiateAlike() throws {
        let result = try runChapter(
            smallNetwork
                + formula(#"\frac{\partial C}{\partial z^{(1)}} = \frac{\partial L}{\partial z^{(1)}}"#)
                + formula(#"\frac{\partial L}{\partial z^{(1)}} = \frac{\partial C}{\partial z^{(1)}}"#))
        XCTAssertEqual(
            result.formulaChecks.map(\.status), [.passed, .passed], result.formulaChecks.map(\.diagnostics).joined())
        let gradient = try XCTUnwrap(result.formulaChecks[0].equations.first?.left)
        XCTAssertGreaterThan(gradient.maxAbs, 0, "a real gradient, not the zeros of a detached node")
    }
}
