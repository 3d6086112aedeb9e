@testable import Autodiff
import CElementwise
import Foundation
import XCTest

/// tutor's own eˣ and logistic function: within an ulp of the C library's
/// exponential, and the same bits from the scalar and every vector form.
final class SigmoidTests: XCTestCase {
    /// How many representable doubles lie between a and b (0 when equal, NaNs equal).
    func ulps(_ a: Double, _ b: Double) -> UInt64 {
        if a.isNaN && b.isNaN { return 0 }
        func ordered(_ x: Double) -> Int64 {
            let bits = Int64(bitPattern: x.bitPattern)
            return bits < 0 ? Int64.min &- bits : bits
        }
        return (ordered(a) &- ordered(b)).magnitude
    }

    var generator = SplitMix64(seed: 7)

    func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * Double(generator.next() >> 11) / Double(1 << 53)
    }

    let specials: [Double] = [
        .nan, -.nan, .infinity, -.infinity, 0, -0.0, 1, -1, 1e-300, -1e-300, .leastNonzeroMagnitude,
        709.782712893384, 709.79, -745.1332191019412, -745.14, -708.4, -708.5, -720, 40, -40, 36.7, -36.7,
    ]

    func testTheExponentialIsWithinAnUlpOfTheCLibrarys() {
        var worst: UInt64 = 0
        for index in 0..<200_000 {
            let x = index % 2 == 0 ? uniform(-745.2, 709.8) : uniform(-20, 20)
            worst = max(worst, ulps(tutor_exp(x), Foundation.exp(x)))
        }
        XCTAssertLessThanOrEqual(worst, 1)
        for x in specials {
            XCTAssertLessThanOrEqual(ulps(tutor_exp(x), Foundation.exp(x)), 1, "e^\(x)")
        }
        XCTAssertEqual(tutor_exp(0), 1)
        XCTAssertEqual(tutor_exp(.infinity), .infinity)
        XCTAssertEqual(tutor_exp(-.infinity), 0)
        XCTAssertEqual(tutor_exp(800), .infinity)
        XCTAssertTrue(tutor_exp(.nan).isNaN)
    }

    func testTheLogisticFunctionIsWithinTwoUlpsOfItsFormula() {
        var worst: UInt64 = 0
        for index in 0..<200_000 {
            let x = index % 3 == 0 ? uniform(-800, 800) : uniform(-12, 12)
            let e = Foundation.exp(-Swift.abs(x))
            worst = max(worst, ulps(Variable.sigmoid(x), (x >= 0 ? 1 : e) / (1 + e)))
        }
        XCTAssertLessThanOrEqual(worst, 2)
        XCTAssertEqual(Variable.sigmoid(0), 0.5)
        XCTAssertEqual(Variable.sigmoid(-0.0), 0.5)
        XCTAssertEqual(Variable.sigmoid(.infinity), 1)
        XCTAssertEqual(Variable.sigmoid(-.infinity), 0)
        XCTAssertEqual(Variable.sigmoid(1000), 1)
        XCTAssertEqual(Variable.sigmoid(-1000), 0)
        XCTAssertTrue(Variable.sigmoid(.nan).isNaN)
    }

    func testEveryVectorFormGivesTheScalarBits() {
        // Lengths that are not whole vectors, and the special values among them.
        var x = (0..<10_003).map { index in index % 5 == 0 ? uniform(-800, 800) : uniform(-10, 10) }
        for (offset, special) in specials.enumerated() { x[offset * 401] = special }
        let expected = x.map(Variable.sigmoid)
        let features = CPUFeatures.current
        var forms: [(String, (UnsafePointer<Double>, UnsafeMutablePointer<Double>, Int) -> Void)] = [
            ("portable", tutor_sigmoid_array_portable)
        ]
        if features.avx2 && features.fma && features.osSavesYMM { forms.append(("AVX2", tutor_sigmoid_array_avx2)) }
        if features.avx512 && features.osSavesZMM { forms.append(("AVX-512", tutor_sigmoid_array_avx512)) }
        for (name, form) in forms {
            var y = [Double](repeating: 0, count: x.count)
            x.withUnsafeBufferPointer { px in
                y.withUnsafeMutableBufferPointer { py in form(px.baseAddress!, py.baseAddress!, x.count) }
            }
            let differing = zip(y, expected).filter { $0.0.bitPattern != $0.1.bitPattern }.count
            XCTAssertEqual(differing, 0, "\(name): \(differing) entries differ from the scalar function")
        }
    }

    func testATensorsSigmoidIsTheScalarFunctionEntryByEntry() {
        // Large enough to be split over the cores.
        let x = Tensor(shape: .matrix(600, 1000), scalars: (0..<600_000).map { _ in uniform(-30, 30) })
        let y = Variable(x).sigmoid().value
        XCTAssertEqual(y.shape, x.shape)
        XCTAssertTrue(zip(y.scalars, x.scalars).allSatisfy { $0.bitPattern == Variable.sigmoid($1).bitPattern })
        XCTAssertEqual(Variable(Tensor(shape: .matrix(0, 3), scalars: [])).sigmoid().value.count, 0)
    }
}
