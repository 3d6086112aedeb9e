@testable import Autodiff
import CElementwise
import XCTest

/// Reverse mode itself: accumulation, intermediates, long chains, errors.
final class EngineTests: XCTestCase {
    var random = TestRandom(seed: 3)

    func testValueUsedTwiceAccumulates() throws {
        let x = Variable(Tensor(rows: [[1.5, -2]]))
        let square = try x * x
        XCTAssertEqual(try gradients(of: square.sum(), withRespectTo: [x])[0].scalars, [3, -4])

        // x feeds two branches: L = Σ exp(x) + Σ x·3.
        let three = Variable(Tensor(3))
        let l = try x.exp().sum() + (x * three).sum()
        let g = try gradients(of: l, withRespectTo: [x])[0]
        assertClose(g, Tensor(rows: [[exp(1.5) + 3, exp(-2) + 3]]), absolute: 1e-12)
    }

    func testGradientWithRespectToAnIntermediate() throws {
        let x = Variable(random.tensor(.matrix(4, 3)))
        let w = Variable(random.tensor(.matrix(2, 3)))
        let z = try Variable.matmul(x, w, transposeB: true)
        let l = try z.sigmoid().sum()
        let gz = try gradients(of: l, withRespectTo: [z])[0]
        let expected = numericalGradient(at: z.value) { zv in
            zv.scalars.reduce(0) { $0 + Variable.sigmoid($1) }
        }
        assertClose(gz, expected)
    }

    func testUnreachableTargetGetsZeros() throws {
        let x = Variable(Tensor(2)), unrelated = Variable(Tensor.zeros(.matrix(2, 2)))
        let g = try gradients(of: x.exp(), withRespectTo: [unrelated, x])
        XCTAssertEqual(g[0], Tensor.zeros(.matrix(2, 2)))
        XCTAssertEqual(g[1].scalar, exp(2), accuracy: 1e-12)
    }

    func testGradientOfNonScalarIsAnError() {
        let x = Variable(Tensor.zeros(.matrix(2, 2)))
        XCTAssertThrowsError(try gradients(of: x.exp(), withRespectTo: [x])) { error in
            XCTAssertTrue("\(error)".contains("scalar"))
        }
    }

    func testChainOfOneHundredThousandOperations() throws {
        let x = Variable(Tensor(0.5))
        let step = Variable(Tensor(1e-6))
        var y = x
        for _ in 0..<100_000 { y = try y + step }
        let g = try gradients(of: y, withRespectTo: [x])
        XCTAssertEqual(g[0].scalar, 1)
        XCTAssertEqual(y.value.scalar, 0.5 + 0.1, accuracy: 1e-9)
        weak var head = y
        y = x  // releases the chain: must not overflow the stack
        XCTAssertNil(head, "the whole chain was freed")
    }

    func testShapeMismatchNamesOperationAndShapes() {
        let a = Variable(Tensor.zeros(.matrix(2, 3))), b = Variable(Tensor.zeros(.matrix(3, 2)))
        XCTAssertThrowsError(try a + b) { error in
            XCTAssertEqual(error as? TensorError, .shapeMismatch(operation: "+", .matrix(2, 3), .matrix(3, 2)))
            XCTAssertEqual("\(error)", "+: shapes 2×3 and 3×2 do not match")
        }
        XCTAssertThrowsError(try Variable.matmul(a, a)) { error in
            XCTAssertEqual("\(error)", "@: shapes 2×3 and 2×3 do not match")
        }
        XCTAssertThrowsError(try Variable.matmul(Variable(Tensor(2)), a))
        XCTAssertThrowsError(try a.sum(axis: 2)) { error in
            XCTAssertTrue("\(error)".contains("axis"))
        }
    }

    func testAbsurdSizeIsRefusedBeforeAllocating() {
        XCTAssertThrowsError(try Tensor.checkedShape(1_000_000, 1_000_000)) { error in
            guard case .tooLarge(1_000_000, 1_000_000, Tensor.maximumElementCount)? = error as? TensorError else {
                return XCTFail("\(error)")
            }
            XCTAssertTrue("\(error)".contains("1000000×1000000"), "\(error)")
            XCTAssertTrue("\(error)".contains("7.3 TiB"), "\(error)")
        }
        XCTAssertThrowsError(try Tensor.checkedShape(-1, 3))
        XCTAssertThrowsError(try Tensor.checkedShape(Int.max, 2))
        XCTAssertNoThrow(try Tensor.checkedShape(1000, 1000))
    }

    func testBroadcastRules() {
        XCTAssertEqual(Shape.matrix(3, 4).broadcast(with: .matrix(1, 4)), .matrix(3, 4))
        XCTAssertEqual(Shape.matrix(3, 1).broadcast(with: .matrix(3, 4)), .matrix(3, 4))
        XCTAssertEqual(Shape.scalar.broadcast(with: .matrix(3, 4)), .matrix(3, 4))
        XCTAssertEqual(Shape.scalar.broadcast(with: .scalar), .scalar)
        XCTAssertEqual(Shape.matrix(1, 4).broadcast(with: .matrix(3, 1)), .matrix(3, 4))
        XCTAssertNil(Shape.matrix(3, 4).broadcast(with: .matrix(4, 3)))
        XCTAssertNil(Shape.matrix(2, 4).broadcast(with: .matrix(3, 4)))
    }

    func testSigmoidIsStableForLargeInputs() {
        XCTAssertEqual(Variable.sigmoid(1000), 1)
        XCTAssertEqual(Variable.sigmoid(-1000), 0)
        XCTAssertEqual(Variable.sigmoid(-745), exp(-745) / (1 + exp(-745)))
        XCTAssertFalse(Variable.sigmoid(-800).isNaN)
    }

    /// One quotient with the numerator chosen by the sign gives the bits of
    /// 1/(1 + e⁻ˣ) for x ≥ 0 and of eˣ/(1 + eˣ) below, wherever x lies.
    func testSigmoidIsEitherQuotientBitForBit() {
        var generator = SplitMix64(seed: 7)
        let random = (0..<100_000).map { _ in Double(bitPattern: generator.next()) }.filter(\.isFinite)
        let special: [Double] = [0, -0.0, 1e-300, -1e-300, 36.7, -36.7, 709, -745, .infinity, -.infinity]
        for x in random + special + stride(from: -40, through: 40, by: 0.001).map { $0 } {
            // tutor's own eˣ, which the function takes.
            let e = tutor_exp(-abs(x))
            let expected = x >= 0 ? 1 / (1 + e) : e / (1 + e)
            XCTAssertEqual(Variable.sigmoid(x).bitPattern, expected.bitPattern, "x = \(x)")
        }
        XCTAssertTrue(Variable.sigmoid(.nan).isNaN)
    }

    func testBytesBecomeTheirTableEntries() {
        // More entries than one core converts, so the work is split.
        let bytes = (0..<(1 << 20) + 7).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ $0 >> 9) }
        let table = (0...255).map { Double($0) / 255 }
        let tensor = bytes.withUnsafeBufferPointer { Tensor(shape: .matrix(bytes.count, 1), bytes: $0, table: table) }
        XCTAssertEqual(tensor.shape, .matrix(bytes.count, 1))
        XCTAssertEqual(tensor.scalars, bytes.map { Double($0) / 255 })
    }

    func testOneHotAndArgmax() throws {
        let labels = Tensor(rows: [[2], [0]])
        XCTAssertEqual(try Tensor.oneHot(labels, classes: 3), Tensor(rows: [[0, 0, 1], [1, 0, 0]]))
        XCTAssertThrowsError(try Tensor.oneHot(Tensor(rows: [[1.5]]), classes: 3))
        XCTAssertThrowsError(try Tensor.oneHot(Tensor(rows: [[3]]), classes: 3))
        XCTAssertEqual(Tensor(rows: [[1, 5, 2], [7, 0, 7]]).argmaxRows(), Tensor(rows: [[1], [0]]))
    }
}
