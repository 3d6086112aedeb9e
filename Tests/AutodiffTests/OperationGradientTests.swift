@testable import Autodiff
import XCTest

/// Every operation's gradient against central differences, on several shapes.
final class OperationGradientTests: XCTestCase {
    let shapes: [Shape] = [.scalar, .matrix(1, 1), .matrix(3, 4), .matrix(1, 5), .matrix(5, 1)]
    var random = TestRandom(seed: 1)

    func testUnaryFunctions() throws {
        let cases: [(String, ClosedRange<Double>, (Variable) throws -> Variable)] = [
            ("neg", -2...2, { -$0 }),
            ("exp", -2...2, { $0.exp() }),
            ("log", 0.2...3, { $0.log() }),
            ("sqrt", 0.2...3, { $0.sqrt() }),
            ("abs", 0.1...2, { $0.abs() }),
            ("abs negative", -2 ... -0.1, { $0.abs() }),
            ("sigmoid", -4...4, { $0.sigmoid() }),
            ("tanh", -3...3, { $0.tanh() }),
            ("relu positive", 0.1...2, { $0.relu() }),
            ("relu negative", -2 ... -0.1, { $0.relu() }),
            ("transpose", -1...1, { $0.transposed }),
            ("square by pow", -2...2, { try Variable.pow($0, Variable(Tensor(2))) }),
        ]
        for shape in shapes {
            for (name, range, op) in cases {
                let x = random.tensor(shape, range.lowerBound, range.upperBound)
                try assertGradientsMatch([x], "\(name) \(shape)") { try op($0[0]) }
            }
        }
    }

    func testReductionsAndSoftmax() throws {
        for shape in shapes {
            for axis in [nil, 0, 1] as [Int?] {
                let x = random.tensor(shape, -2, 2)
                try assertGradientsMatch([x], "sum \(shape) \(String(describing: axis))") { try $0[0].sum(axis: axis) }
                try assertGradientsMatch([x], "mean \(shape)") { try $0[0].mean(axis: axis) }
                try assertGradientsMatch([x], "max \(shape)") { try $0[0].max(axis: axis) }
                try assertGradientsMatch([x], "min \(shape)") { try $0[0].min(axis: axis) }
                if let axis {
                    try assertGradientsMatch([x], "softmax \(shape) \(axis)") { try $0[0].softmax(axis: axis) }
                    try assertGradientsMatch([x], "log_softmax \(shape) \(axis)") { try $0[0].logSoftmax(axis: axis) }
                }
            }
        }
    }

    func testBinaryOperationsWithBroadcasting() throws {
        let pairs: [(Shape, Shape)] = [
            (.matrix(3, 4), .matrix(3, 4)), (.matrix(3, 4), .matrix(1, 4)), (.matrix(3, 4), .matrix(3, 1)),
            (.matrix(3, 4), .scalar), (.scalar, .matrix(3, 4)), (.matrix(1, 4), .matrix(3, 1)),
            (.matrix(1, 1), .matrix(3, 4)), (.matrix(3, 1), .matrix(3, 4)), (.scalar, .scalar),
        ]
        for (sa, sb) in pairs {
            let a = random.tensor(sa, -2, 2), b = random.tensor(sb, 0.5, 2)
            try assertGradientsMatch([a, b], "+ \(sa) \(sb)") { try $0[0] + $0[1] }
            try assertGradientsMatch([a, b], "- \(sa) \(sb)") { try $0[0] - $0[1] }
            try assertGradientsMatch([a, b], "* \(sa) \(sb)") { try $0[0] * $0[1] }
            try assertGradientsMatch([a, b], "/ \(sa) \(sb)") { try $0[0] / $0[1] }
            let base = random.tensor(sa, 0.5, 2)
            try assertGradientsMatch([base, a], "^ \(sa) \(sb)") { try Variable.pow($0[0], $0[1]) }
        }
    }

    func testMatrixProductWithEveryTransposeFlag() throws {
        for transposeA in [false, true] {
            for transposeB in [false, true] {
                let a = random.tensor(transposeA ? .matrix(4, 3) : .matrix(3, 4))
                let b = random.tensor(transposeB ? .matrix(5, 4) : .matrix(4, 5))
                try assertGradientsMatch([a, b], "matmul \(transposeA) \(transposeB)") {
                    try Variable.matmul($0[0], $0[1], transposeA: transposeA, transposeB: transposeB)
                }
            }
        }
    }

    func testFusedAffineMap() throws {
        for biasShape in [Shape.matrix(1, 5), .scalar, .matrix(1, 1)] {
            let x = random.tensor(.matrix(4, 3)), w = random.tensor(.matrix(5, 3)), b = random.tensor(biasShape)
            try assertGradientsMatch([x, w, b], "affine with bias \(biasShape)") {
                try Variable.affine($0[0], $0[1], $0[2])
            }
            let unfused = try Variable.matmul(Variable(x), Variable(w), transposeB: true) + Variable(b)
            assertClose(
                try Variable.affine(Variable(x), Variable(w), Variable(b)).value, unfused.value, absolute: 1e-14)
        }
        // Many rows and up to 64 outputs take the transposed product, written
        // back in tiles of 64 rows split over the cores: sizes with a partial
        // last tile, with more than one chunk, and just past the limit.
        for (rows, outputs, biasShape) in [
            (1500, 3, Shape.matrix(1, 3)), (1024, 64, .matrix(1, 64)),
            (9001, 61, .scalar), (1100, 65, .matrix(1, 65)),
        ] {
            let x = random.tensor(.matrix(rows, 7)), w = random.tensor(.matrix(outputs, 7))
            let b = random.tensor(biasShape)
            let unfused = try Variable.matmul(Variable(x), Variable(w), transposeB: true) + Variable(b)
            assertClose(
                try Variable.affine(Variable(x), Variable(w), Variable(b)).value, unfused.value,
                absolute: 1e-13, relative: 1e-13, "\(rows)×\(outputs)")
        }
        XCTAssertThrowsError(
            try Variable.affine(
                Variable(Tensor.zeros(.matrix(4, 3))), Variable(Tensor.zeros(.matrix(5, 2))),
                Variable(Tensor.zeros(.matrix(1, 5)))))
        XCTAssertThrowsError(
            try Variable.affine(
                Variable(Tensor.zeros(.matrix(4, 3))), Variable(Tensor.zeros(.matrix(5, 3))),
                Variable(Tensor.zeros(.matrix(1, 4))))
        ) { error in
            XCTAssertEqual("\(error)", "+: shapes 4×5 and 1×4 do not match")
        }
    }

    func testMatrixProductMatchesHandLoop() throws {
        let a = random.tensor(.matrix(3, 4)), b = random.tensor(.matrix(4, 2))
        let c = try Tensor.matmul(a, b)
        for i in 0..<3 {
            for j in 0..<2 {
                let expected = (0..<4).reduce(0.0) { $0 + a[i, $1] * b[$1, j] }
                XCTAssertEqual(c[i, j], expected, accuracy: 1e-12)
            }
        }
        let ct = try Tensor.matmul(a, b.transposed, transposeB: true)
        assertClose(ct, c, absolute: 1e-12)
    }

    func testPickingRows() throws {
        let x = random.tensor(.matrix(4, 3))
        try assertGradientsMatch([x], "rows") { try $0[0].rows([2, 0, 2]) }
        XCTAssertThrowsError(try Variable(x).rows([4]))
    }

    func testPowerGradientAtZeroBase() throws {
        let x = Variable(Tensor(0)), p = Variable(Tensor(2))
        let grads = try gradients(of: try Variable.pow(x, p), withRespectTo: [x, p])
        XCTAssertEqual(grads[0].scalar, 0)
        XCTAssertEqual(grads[1].scalar, 0, "x^p·ln x is taken as 0 at x = 0")
    }
}
