@testable import Notation
import XCTest

/// `plot line`, `plot scatter`, `plot histogram`, surfaces over entries and `record`.
final class ValuePlotParserTests: XCTestCase {
    func testLine() {
        guard case .plotLine(let plot) = statement("plot line v, mean(W, axis: 0)") else { return XCTFail() }
        XCTAssertEqual(plot.values.map(\.description), ["v", "mean(W, axis: 0)"])
        XCTAssertFalse(plot.overEpochs)
        guard case .plotLine(let recorded) = statement("plot line acc over epochs") else { return XCTFail() }
        XCTAssertEqual(recorded.values.map(\.description), ["acc"])
        XCTAssertTrue(recorded.overEpochs)

        XCTAssertEqual(statementError("plot line")?.message, "expected an expression, found end of line")
        let over = statementError("plot line acc over steps")
        XCTAssertEqual(over?.message, "expected 'epochs' after 'over' (plot line acc over epochs), found 'steps'")
        XCTAssertEqual(over?.location.column, 20)
    }

    func testScatter() {
        XCTAssertEqual(statement("plot scatter x"), .plotScatter(ScatterPlot(features: Expr(.name("x"), at: at(14)))))
        guard case .plotScatter(let plot) = statement("plot scatter x, y with boundary net(x)") else {
            return XCTFail()
        }
        XCTAssertEqual(plot.features.description, "x")
        XCTAssertEqual(plot.labels?.description, "y")
        XCTAssertEqual(plot.boundary?.description, "net(x)")
        guard case .plotScatter(let unlabelled) = statement("plot scatter x with boundary p > 0.5") else {
            return XCTFail()
        }
        XCTAssertNil(unlabelled.labels)
        XCTAssertEqual(unlabelled.boundary?.prefixForm, "(> p 0.5)")

        XCTAssertEqual(
            statementError("plot scatter x, y with net(x)")?.message,
            "expected 'boundary' after 'with' (with boundary net(x)), found 'net'")
        XCTAssertEqual(
            statementError("plot scatter x, y, z")?.location, SourceLocation(file: "t.md", line: 1, column: 18),
            "at the comma after the labels")
    }

    func testHistogram() {
        guard case .plotHistogram(let plot) = statement("plot histogram net.1.W") else { return XCTFail() }
        XCTAssertEqual(plot.value.description, "net.1.W")
        XCTAssertNil(plot.bins)
        guard case .plotHistogram(let binned) = statement("plot histogram net.1.W, bins 30") else { return XCTFail() }
        XCTAssertEqual(binned.bins, 30)

        XCTAssertEqual(
            statementError("plot histogram W, bins 0")?.message,
            "expected a number of bins (a whole number from 1 to 1000), found '0'")
        let many = statementError("plot histogram W, bins 1001")
        XCTAssertEqual(many?.message, "a histogram has at most 1000 bins")
        XCTAssertEqual(many?.location.column, 24)
        XCTAssertEqual(
            statementError("plot histogram W, 30")?.message,
            "expected 'bins' after ',' (plot histogram W, bins 30), found '30'")
    }

    func testBars() {
        guard case .plotBars(let plot) = statement("plot bars softmax(z)") else { return XCTFail() }
        XCTAssertEqual(plot.value.description, "softmax(z)")
        XCTAssertEqual(statementError("plot bars")?.message, "expected an expression, found end of line")
    }

    func testSurfaceOverEntries() {
        guard case .plotSurface(let plot) = statement("plot surface L over W[0,1] in -2...2, W[1, 0] in -2..2") else {
            return XCTFail()
        }
        XCTAssertEqual(plot.axes.map(\.label), ["W[0,1]", "W[1,0]"])
        XCTAssertEqual(plot.axes.map(\.entry), [[0, 1], [1, 0]])
        guard case .plotSurface(let vector) = statement("plot surface L over w[0] in 0..1, b in 0..1") else {
            return XCTFail()
        }
        XCTAssertEqual(vector.axes.map(\.label), ["w[0]", "b"])

        XCTAssertEqual(
            statementError("plot surface L over W[0,1,2] in 0..1, b in 0..1")?.message,
            "an entry has one index (of a vector) or two (row, column), found 3")
        XCTAssertEqual(
            statementError("plot surface L over W[-1] in 0..1, b in 0..1")?.message,
            "expected an index of the entry (a whole number from 0), found '-'")
        XCTAssertEqual(
            statementError("plot surface L over W[0 in 0..1, b in 0..1")?.message,
            "expected ',' or ']', found 'in'")
        XCTAssertEqual(
            statementError("plot surface L over W[0,1] 0..1, b in 0..1")?.message,
            "expected 'in' after 'W[0,1]', found '0'")
    }

    func testTrainRecords() {
        guard case .train(let schedule) = statement("train 10 epochs, record acc, log every 2, record mean(w)") else {
            return XCTFail()
        }
        XCTAssertEqual(schedule.recorded.map(\.description), ["acc", "mean(w)"])
        XCTAssertEqual(schedule.logEvery, 2)
        XCTAssertEqual(statementError("train 10 epochs, record")?.message, "expected an expression, found end of line")
    }

    private func at(_ column: Int) -> SourceLocation { SourceLocation(file: "t.md", line: 1, column: column) }
}
