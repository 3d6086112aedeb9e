@testable import Notation
import XCTest

final class StatementParserTests: XCTestCase {
    func testSeed() {
        XCTAssertEqual(statement("seed 42"), .seed(42))
        XCTAssertEqual(statementError("seed -1")?.message, "expected a seed (a whole number), found '-'")
        XCTAssertEqual(statementError("seed 1.5")?.message, "expected a seed (a whole number), found '1.5'")
    }

    func testLetParamAndLoss() {
        guard case .let(let name, let value) = statement("let ŷ = net(x)") else { return XCTFail() }
        XCTAssertEqual(name.name, "ŷ")
        XCTAssertEqual(name.location.column, 5)
        XCTAssertEqual(value.prefixForm, "(net x)")

        guard case .param(let w, let initial) = statement("param W = randn(5, 10) * 0.1") else { return XCTFail() }
        XCTAssertEqual(w.name, "W")
        XCTAssertEqual(initial.prefixForm, "(* (randn 5 10) 0.1)")

        guard case .loss(let l, let loss) = statement("loss L = mse(net(x), y)") else { return XCTFail() }
        XCTAssertEqual(l.name, "L")
        XCTAssertEqual(loss.description, "mse(net(x), y)")

        XCTAssertEqual(statementError("let x 3")?.message, "expected '=' after 'x', found '3'")
        XCTAssertEqual(statementError("let = 3")?.message, "expected a name after 'let', found '='")
    }

    func testErratumCorrectionAndEnd() {
        XCTAssertEqual(statement("erratum \"δ = y − ŷ is the error\""), .erratum(claim: "δ = y − ŷ is the error"))
        XCTAssertEqual(statement("correction"), .correction)
        XCTAssertEqual(statement("end erratum"), .endErratum)
        // Refused where the claim should be: at the end of the line, at a claim of spaces only.
        XCTAssertEqual(statementError("erratum")?.location, SourceLocation(file: "t.md", line: 1, column: 8))
        XCTAssertEqual(statementError("erratum \"  \"")?.location, SourceLocation(file: "t.md", line: 1, column: 9))
        XCTAssertEqual(statementError("end")?.message, "expected 'erratum' after 'end', found end of line")
        XCTAssertEqual(statementError("correction now")?.location, SourceLocation(file: "t.md", line: 1, column: 12))
    }

    func testData() {
        guard case .data(let names, let source) = statement("data x, y = fashion_mnist(split: \"test\", limit: 100)")
        else { return XCTFail() }
        XCTAssertEqual(names.map(\.name), ["x", "y"])
        XCTAssertEqual(names.map(\.location.column), [6, 9])
        XCTAssertEqual(source.prefixForm, "(fashion_mnist split: \"test\" limit: 100)")

        guard case .data(let one, _) = statement("data table = csv(\"t.csv\")") else { return XCTFail() }
        XCTAssertEqual(one.map(\.name), ["table"])
        XCTAssertEqual(statementError("data x y = csv(\"t.csv\")")?.message, "expected ',' or '=', found 'y'")
    }

    func testModel() {
        guard case .model(let name, let layers) = statement("model net = dense(10, 5, relu) >> dense(5, 1)")
        else { return XCTFail() }
        XCTAssertEqual(name.name, "net")
        XCTAssertEqual(layers.map(\.description), ["dense(10, 5, relu)", "dense(5, 1)"])
        XCTAssertEqual(layers.map(\.location.column), [13, 35])

        guard case .model(_, let single) = statement("model m = dense(2, 1)") else { return XCTFail() }
        XCTAssertEqual(single.count, 1)

        let notALayer = statementError("model net = dense(10, 5) >> relu")
        XCTAssertEqual(notALayer?.message, "expected a layer such as 'dense(10, 5, relu)', found 'relu'")
        XCTAssertEqual(notALayer?.location.column, 29)
    }

    func testComposeOutsideModel() {
        let error = statementError("let f = dense(1, 1) >> dense(1, 1)")
        XCTAssertEqual(error?.message, "'>>' joins layers only in a 'model' statement")
        XCTAssertEqual(error?.location.column, 21)
    }

    func testOptimizer() {
        guard case .optimizer(let call) = statement("optimizer sgd(0.1, momentum: 0.9)") else { return XCTFail() }
        XCTAssertEqual(call.prefixForm, "(sgd 0.1 momentum: 0.9)")
        XCTAssertEqual(
            statementError("optimizer adam")?.message, "expected an optimizer such as 'adam(0.01)', found 'adam'")
    }

    func testTrain() {
        XCTAssertEqual(statement("train 1000 epochs"), .train(TrainingSchedule(epochs: 1000)))
        XCTAssertEqual(statement("train 1 epoch"), .train(TrainingSchedule(epochs: 1)))
        XCTAssertEqual(
            statement("train 5 epochs, batch 32, log every 1"),
            .train(TrainingSchedule(epochs: 5, batchSize: 32, logEvery: 1)))
        XCTAssertEqual(
            statement("train 5 epochs, log every 2, batch 8"),
            .train(TrainingSchedule(epochs: 5, batchSize: 8, logEvery: 2)))

        XCTAssertEqual(statementError("train 5")?.message, "expected 'epochs', found end of line")
        XCTAssertEqual(
            statementError("train 0 epochs")?.message,
            "expected a number of epochs (a whole number ≥ 1), found '0'")
        XCTAssertEqual(statementError("train 5 epochs, batch 2, batch 4")?.message, "'batch' is given twice")
        XCTAssertEqual(statementError("train 5 epochs, log 1")?.message, "expected 'every' after 'log', found '1'")
        XCTAssertEqual(
            statementError("train 5 epochs, bacth 2")?.message,
            "expected 'batch', 'log every' or 'record', found 'bacth'")
    }

    func testStep() {
        XCTAssertEqual(statement("step"), .step(1))
        XCTAssertEqual(statement("step 10"), .step(10))
        XCTAssertEqual(statementError("step x")?.message, "expected a number of steps (a whole number ≥ 1), found 'x'")
    }

    func testCheckGradients() {
        XCTAssertEqual(statement("check gradients"), .checkGradients(of: nil, wrt: []))
        guard case .checkGradients(let loss, let parameters) = statement("check gradients of L wrt W, net.1.b")
        else { return XCTFail() }
        XCTAssertEqual(loss?.name, "L")
        XCTAssertEqual(parameters.map(\.name), ["W", "net.1.b"])
        XCTAssertEqual(parameters.map(\.location.column), [26, 29])
        guard case .checkGradients(nil, let only) = statement("check gradients wrt b") else { return XCTFail() }
        XCTAssertEqual(only.map(\.name), ["b"])
        XCTAssertEqual(
            statementError("check gradient")?.message,
            "expected 'gradients' or 'formula' after 'check', found 'gradient'")
    }

    func testCheckFormula() {
        XCTAssertEqual(statement("check formula"), .checkFormula(FormulaCheck()))
        guard
            case .checkFormula(let check) = statement(
                #"check formula where \eta = lr, l = 2, W^{(1)} = net.1.W for example 3 within 1e-4 expect fail"#)
        else { return XCTFail() }
        XCTAssertEqual(check.bindings.map(\.symbol), [#"\eta"#, "l", "W^{(1)}"])
        XCTAssertEqual(check.bindings.map(\.value.description), ["lr", "2", "net.1.W"])
        XCTAssertEqual(check.bindings.map(\.location.column), [21, 32, 39])
        XCTAssertEqual(check.example, 3)
        XCTAssertEqual(check.tolerance, 1e-4)
        XCTAssertTrue(check.expectsFailure)

        guard
            case .checkFormula(let reordered) = statement(
                #"check formula expect fail within 0.01 where \hat{y}_i = a + b"#)
        else { return XCTFail() }
        XCTAssertEqual(reordered.bindings.map(\.symbol), [#"\hat{y}_i"#])
        XCTAssertEqual(reordered.bindings.first?.value.description, "a + b")
        XCTAssertEqual(reordered.tolerance, 0.01)
        XCTAssertTrue(reordered.expectsFailure)
        XCTAssertNil(reordered.example)
    }

    func testCheckFormulaErrors() {
        XCTAssertEqual(statementError("check formula within 1 within 2")?.message, "'within' is given twice")
        XCTAssertEqual(
            statementError("check formula where = 2")?.message,
            "expected a symbol to bind after 'where', found '='")
        XCTAssertEqual(
            statementError(#"check formula where \eta"#)?.message,
            #"expected '=' after the symbol '\eta', found end of line"#)
        XCTAssertEqual(statementError("check formula for 3")?.message, "expected 'example' after 'for', found '3'")
        XCTAssertEqual(
            statementError("check formula expect pass")?.message, "expected 'fail' after 'expect', found 'pass'")
        XCTAssertEqual(
            statementError("check formula within -1")?.message,
            "expected a tolerance (a number > 0) after 'within', found '-'")
        XCTAssertEqual(
            statementError("check formula quickly")?.message,
            "expected 'where', 'for example', 'within', 'in … notation' or 'expect fail', found 'quickly'")
    }

    func testExpectComparison() {
        let cases: [(String, BinaryOperator)] = [
            ("<", .less), ("<=", .lessOrEqual), (">", .greater), (">=", .greaterOrEqual), ("==", .equal),
            ("≤", .lessOrEqual), ("≥", .greaterOrEqual),
        ]
        for (spelling, op) in cases {
            guard case .expect(.comparison(let left, op, let right)) = statement("expect L \(spelling) 0.05 * n")
            else { XCTFail(spelling); continue }
            XCTAssertEqual(left.description, "L")
            XCTAssertEqual(right.description, "0.05 * n")
        }
        XCTAssertEqual(
            statementError("expect L = 1")?.message,
            "expected a comparison ('<', '<=', '>', '>=', '==', '!=' or '≈') after 'L', found '='")
    }

    func testExpectApproximately() {
        for text in ["expect w ≈ 2 ± 0.01", "expect w ~= 2 +- 0.01", "expect w≈2±0.01"] {
            guard case .expect(.approximately(let value, let target, let tolerance)) = statement(text)
            else { XCTFail(text); continue }
            XCTAssertEqual([value, target, tolerance].map(\.description), ["w", "2", "0.01"], text)
        }
        guard case .expect(.approximately(_, let target, let tolerance)) = statement("expect w ≈ a - 1 +- (b +- c)")
        else { return XCTFail() }
        XCTAssertEqual(target.description, "a - 1")
        XCTAssertEqual(tolerance.description, "b + -c")
        XCTAssertEqual(
            statementError("expect w ≈ 2")?.message,
            "expected '±' and a tolerance after '≈ 2', found end of line")
    }

    func testShow() {
        guard case .show(let values) = statement("show W, b, L, net.1.z[0].T") else { return XCTFail() }
        XCTAssertEqual(values.map(\.description), ["W", "b", "L", "net.1.z[0].T"])
        XCTAssertEqual(values.map(\.location.column), [6, 9, 12, 15])
        XCTAssertEqual(statementError("show")?.message, "expected an expression, found end of line")
    }

    func testPlot() {
        XCTAssertEqual(statement("plot loss"), .plotLoss)
        guard case .plotSurface(let plot) = statement("plot surface L over w in -1..5, b in -1 .. 2 * 3")
        else { return XCTFail() }
        XCTAssertEqual(plot.function.description, "L")
        XCTAssertEqual(plot.axes.map(\.parameter.name), ["w", "b"])
        XCTAssertEqual(plot.axes.map(\.lower.description), ["-1", "-1"])
        XCTAssertEqual(plot.axes.map(\.upper.description), ["5", "2 * 3"])

        XCTAssertEqual(
            statementError("plot")?.message,
            "expected 'loss', 'surface', 'line', 'scatter', 'histogram' or 'bars' after 'plot', found end of line")
        XCTAssertEqual(
            statementError("plot surface L over w in 0..1")?.message,
            "a surface plot varies exactly two params, found 1")
        XCTAssertEqual(
            statementError("plot surface L over w in 0, b in 0..1")?.message,
            "expected '..' between the bounds of 'w', found ','")
        XCTAssertEqual(statementError("plot surface L w in 0..1")?.message, "expected 'over' after 'L', found 'w'")
    }

    func testStatementLocationAndSource() {
        let block = parseDirectives("  show W   # the weights", file: "c.md", firstLine: 12)
        XCTAssertEqual(block.statements.first?.location, SourceLocation(file: "c.md", line: 12, column: 3))
        XCTAssertEqual(block.statements.first?.source, "show W")
    }
}

final class NotationStatementParserTests: XCTestCase {
    func testNotationSettingsAndTheirErrors() {
        XCTAssertEqual(statement("notation d2l"), .notation(.convention(.d2l)))
        XCTAssertEqual(statement("notation inferred"), .notation(.convention(nil)))
        XCTAssertEqual(statement("notation explicit definitions"), .notation(.explicitDefinitions(true)))
        XCTAssertEqual(statement("notation implicit definitions"), .notation(.explicitDefinitions(false)))
        guard case .checkFormula(let check) = statement("check formula in pytorch notation where \\gamma = lr") else {
            return XCTFail()
        }
        XCTAssertEqual(check.convention, .pytorch)
        XCTAssertEqual(check.bindings.map(\.symbol), ["\\gamma"])
        XCTAssertEqual(
            statementError("notation keras")?.message,
            "expected 'pytorch', 'd2l', 'articles', 'inferred', 'explicit definitions' or 'implicit definitions', "
                + "found 'keras'")
        XCTAssertEqual(
            statementError("notation explicit")?.message, "expected 'definitions' after 'explicit', found end of line")
        XCTAssertEqual(
            statementError("check formula in keras notation")?.message,
            "expected a notation after 'in' ('pytorch', 'd2l', 'articles'), found 'keras'")
        XCTAssertEqual(
            statementError("check formula in d2l")?.message,
            "expected 'notation' after 'in d2l', found end of line")
    }
}
