@testable import Render
import XCTest

final class AxisTicksTests: XCTestCase {
    func testLinearTicksAreNiceNumbersEnclosingTheData() {
        let ticks = AxisTicks.linear(0.13...0.92, count: 5)
        XCTAssertEqual(ticks.values, [0, 0.2, 0.4, 0.6, 0.8, 1])
        XCTAssertEqual(ticks.domain, 0...1)
    }

    func testFittedTicksStayInsideTheData() {
        let ticks = AxisTicks.linear(-1...5, count: 6, fitted: true)
        XCTAssertEqual(ticks.values, [-1, 0, 1, 2, 3, 4, 5])
        XCTAssertEqual(ticks.domain, -1...5)
        XCTAssertEqual(AxisTicks.linear(-0.7...2.3, count: 3, fitted: true).values, [0, 1, 2])
    }

    func testEqualEndsStillMakeAnAxis() {
        let ticks = AxisTicks.linear(3...3)
        XCTAssertLessThan(ticks.domain.lowerBound, 3)
        XCTAssertGreaterThan(ticks.domain.upperBound, 3)
    }

    /// Spans wider than the largest Double, constants near its ends, and
    /// bounds that are not finite all make an axis of finite, ordered ticks.
    func testExtremeDataMakeFiniteAxes() {
        let cases: [ClosedRange<Double>] = [
            -1e308...1e308, -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude,
            1.7e308...1.7e308, 1e-307...1e-307, 5e-324...5e-324, -1e308...(-1e308),
            0...Double.infinity, -Double.infinity...0,
        ]
        for data in cases {
            for fitted in [false, true] {
                let ticks = AxisTicks.linear(data, count: 5, fitted: fitted)
                XCTAssertTrue(ticks.domain.lowerBound.isFinite && ticks.domain.upperBound.isFinite, "\(data)")
                XCTAssertLessThan(ticks.domain.lowerBound, ticks.domain.upperBound, "\(data)")
                XCTAssertTrue(ticks.values.allSatisfy(\.isFinite), "\(data)")
                XCTAssertEqual(ticks.values, ticks.values.sorted(), "\(data)")
                XCTAssertLessThanOrEqual(ticks.values.count, 20, "\(data)")
                for x in [ticks.domain.lowerBound, ticks.domain.upperBound] {
                    XCTAssertTrue((0...1).contains(ticks.fraction(x)), "\(data): \(x)")
                }
            }
        }
        let constant = AxisTicks.linear(1e-307...1e-307)
        XCTAssertTrue(
            constant.domain.contains(1e-307) && constant.domain.lowerBound > 0, "a tiny constant keeps its scale")
        let log = AxisTicks.logarithmic(1e-320...1.7e308)
        XCTAssertTrue(log.values.allSatisfy { $0.isFinite && $0 > 0 })
        XCTAssertLessThanOrEqual(log.values.count, 8)
    }

    func testNiceSteps() {
        XCTAssertEqual(AxisTicks.niceStep(0.13), 0.2)
        XCTAssertEqual(AxisTicks.niceStep(3), 5)
        XCTAssertEqual(AxisTicks.niceStep(7), 10)
        XCTAssertEqual(AxisTicks.niceStep(100), 100)
    }

    func testLogarithmicTicksAtPowersOfTen() {
        let ticks = AxisTicks.logarithmic(0.003...20)
        XCTAssertEqual(ticks.values, [0.001, 0.01, 0.1, 1, 10, 100])
        XCTAssertEqual(ticks.fraction(0.001), 0, accuracy: 1e-12)
        XCTAssertEqual(ticks.fraction(1), 0.6, accuracy: 1e-12)
        // Fourteen decades get a label every third decade.
        XCTAssertEqual(AxisTicks.logarithmic(1e-14...13).values.count, 6)
    }

    func testLabelsArePowersOfTenOnALogAxisAndUseATrueMinus() {
        XCTAssertEqual(
            AxisTicks.logarithmic(0.003...20).values.map(AxisTicks.logarithmic(0.003...20).label),
            ["10⁻³", "10⁻²", "10⁻¹", "10⁰", "10¹", "10²"])
        XCTAssertEqual(AxisTicks.linear(-2...2).label(-1.5), "−1.5")
    }
}
