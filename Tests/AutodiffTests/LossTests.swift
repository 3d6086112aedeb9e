@testable import Autodiff
import XCTest

final class LossTests: XCTestCase {
    var random = TestRandom(seed: 2)

    func testGradientsOfEveryLoss() throws {
        let p = random.tensor(.matrix(6, 3), -2, 2), t = random.tensor(.matrix(6, 3), -1, 1)
        try assertGradientsMatch([p, t], "mse") { try Loss.mse($0[0], $0[1]) }

        let labels = Tensor(shape: .matrix(6, 1), scalars: [0, 2, 1, 1, 0, 2])
        try assertGradientsMatch([p], "cross_entropy indices") { try Loss.crossEntropy($0[0], Variable(labels)) }
        let oneHot = try Tensor.oneHot(labels, classes: 3)
        try assertGradientsMatch([p], "cross_entropy one-hot") { try Loss.crossEntropy($0[0], Variable(oneHot)) }
        let soft = random.tensor(.matrix(6, 3), 0.1, 1)
        try assertGradientsMatch([p, soft], "cross_entropy soft labels") { try Loss.crossEntropy($0[0], $0[1]) }

        let prob = random.tensor(.matrix(6, 3), 0.05, 0.95), target = random.tensor(.matrix(6, 3), 0, 1)
        try assertGradientsMatch([prob, target], "bce") { try Loss.bce($0[0], $0[1]) }
        try assertGradientsMatch([p, target], "bce_with_logits") { try Loss.bceWithLogits($0[0], $0[1]) }
    }

    func testLossValuesAgainstDefinitions() throws {
        let p = Tensor(rows: [[0.5, -1], [2, 0]]), t = Tensor(rows: [[1, 1], [0, 0]])
        XCTAssertEqual(try Loss.mse(Variable(p), Variable(t)).value.scalar, (0.25 + 4 + 4 + 0) / 4, accuracy: 1e-15)

        let z = Tensor(rows: [[1, 2, 3]])
        let expected: Double = -(3 - log(exp(1.0) + exp(2.0) + exp(3.0)))
        XCTAssertEqual(
            try Loss.crossEntropy(Variable(z), Variable(Tensor(rows: [[2]]))).value.scalar,
            expected, accuracy: 1e-14)

        let logit = 0.3, y = 1.0
        let sig = 1 / (1 + exp(-logit))
        XCTAssertEqual(
            try Loss.bceWithLogits(Variable(Tensor(rows: [[logit]])), Variable(Tensor(rows: [[y]]))).value.scalar,
            -log(sig), accuracy: 1e-14)
        XCTAssertEqual(
            try Loss.bce(Variable(Tensor(rows: [[sig]])), Variable(Tensor(rows: [[y]]))).value.scalar,
            -log(sig), accuracy: 1e-14)
    }

    func testBCEOfExactTargetsIsTheFullSumToTheBit() throws {
        // Targets of exactly 0 and 1 take one log each; the sum must be the
        // two-log definition's, bit for bit, also at the clamp and outside [0, 1].
        func definition(_ p: [Double], _ t: [Double]) -> Double {
            var total = 0.0
            for (pk, tk) in zip(p, t) { total -= tk * max(log(pk), -100) + (1 - tk) * max(log(1 - pk), -100) }
            return total / Double(p.count)
        }
        let inRange: [Double] = [0, 1, 0.5, 1e-300, 1 - 1e-16, 0.25, 0.999]
        for targets in [
            [Double](repeating: 1, count: 9), [Double](repeating: 0, count: 9),
            [1, 0, 1, 0, 0.3, 1, 0, 1, 0],
        ] {
            for probabilities in [inRange, inRange + [1.5, -0.5]] {
                let t = Array(targets.prefix(probabilities.count))
                let value = try Loss.bce(
                    Variable(Tensor(shape: .matrix(1, t.count), scalars: probabilities)),
                    Variable(Tensor(shape: .matrix(1, t.count), scalars: t))
                ).value.scalar
                let expected = definition(probabilities, t)
                if expected.isNaN {
                    XCTAssertTrue(value.isNaN, "targets \(t): \(value)")
                } else {
                    XCTAssertEqual(value.bitPattern, expected.bitPattern, "targets \(t): \(value) against \(expected)")
                }
            }
        }
    }

    /// Enough entries that the terms are computed on every core: the loss is
    /// still their sum in order, bit for bit.
    func testBCEOfManyEntriesIsTheSumInOrder() throws {
        var generator = SplitMix64(seed: 3)
        let count = 600 * 1000
        let p = (0..<count).map { _ in Double(generator.next() >> 11) / Double(1 << 53) }
        let t = (0..<count).map { k in k % 7 == 0 ? 0.25 : Double(k % 2) }
        var total = 0.0
        for (pk, tk) in zip(p, t) {
            let term =
                tk == 1
                ? max(log(pk), -100)
                : tk == 0 ? max(log(1 - pk), -100) : tk * max(log(pk), -100) + (1 - tk) * max(log(1 - pk), -100)
            total -= term
        }
        let value = try Loss.bce(
            Variable(Tensor(shape: .matrix(600, 1000), scalars: p)),
            Variable(Tensor(shape: .matrix(600, 1000), scalars: t))
        ).value.scalar
        XCTAssertEqual(value.bitPattern, (total / Double(count)).bitPattern)
    }

    func testExtremeLogitsStayFinite() throws {
        let z = Variable(Tensor(rows: [[1000, -1000, 0], [-1000, 1000, 1000]]))
        let labels = Variable(Tensor(rows: [[1], [0]]))
        let ce = try Loss.crossEntropy(z, labels)
        XCTAssertEqual(ce.value.scalar, (2000 + (2000 + log(2))) / 2, accuracy: 1e-9)
        XCTAssertTrue(try gradients(of: ce, withRespectTo: [z])[0].isFinite)

        let logits = Variable(Tensor(rows: [[1000], [-1000]]))
        let targets = Variable(Tensor(rows: [[0], [1]]))
        let bce = try Loss.bceWithLogits(logits, targets)
        XCTAssertEqual(bce.value.scalar, 1000, accuracy: 1e-9)
        let g = try gradients(of: bce, withRespectTo: [logits])[0]
        XCTAssertEqual(g.scalars, [0.5, -0.5])

        let p = Variable(Tensor(rows: [[1.0], [0.0]]))
        let clamped = try Loss.bce(p, targets)
        XCTAssertEqual(clamped.value.scalar, 100, "log clamped at -100 as PyTorch does")
        XCTAssertTrue(try gradients(of: clamped, withRespectTo: [p])[0].isFinite)

        let softmax = try z.softmax(axis: 1)
        XCTAssertTrue(softmax.value.isFinite)
        XCTAssertEqual(try z.logSoftmax(axis: 1).value[0, 1], -2000, accuracy: 1e-9)
    }

    /// At equal logits of 1e16 the maximum plus log 2 rounds back to the
    /// maximum; the shifted form keeps log 2 (½, −log 2, log 2 are exact).
    func testEqualHugeLogits() throws {
        for big in [1e16, 1e300, -1e16] {
            let z = Variable(Tensor(rows: [[big, big]]))
            XCTAssertEqual(try z.softmax().value.scalars, [0.5, 0.5], "\(big)")
            XCTAssertEqual(try z.logSoftmax().value.scalars, [-log(2.0), -log(2.0)], "\(big)")
            XCTAssertEqual(try Loss.crossEntropy(z, Variable(Tensor(rows: [[0]]))).value.scalar, log(2.0), "\(big)")
            let grad = try gradients(of: Loss.crossEntropy(z, Variable(Tensor(rows: [[1]]))), withRespectTo: [z])[0]
            XCTAssertEqual(grad.scalars, [0.5, -0.5], "\(big)")
        }
        // Logits 2 apart at 1e15 (exactly representable): softmax is 1/(1+e²), e²/(1+e²).
        let z = Variable(Tensor(rows: [[1e15, 1e15 + 2]]))
        let s = try z.softmax().value.scalars
        XCTAssertEqual(s[0], 1 / (1 + exp(2.0)), accuracy: 1e-15)
        XCTAssertEqual(s[1], exp(2.0) / (1 + exp(2.0)), accuracy: 1e-15)
        XCTAssertEqual(
            try Loss.bceWithLogits(Variable(Tensor(rows: [[1e16, -1e16]])), Variable(Tensor(rows: [[1, 0]]))).value
                .scalar, 0)
    }

    func testLossShapeMismatchIsAnError() {
        let a = Variable(Tensor.zeros(.matrix(4, 1))), b = Variable(Tensor.zeros(.matrix(1, 4)))
        XCTAssertThrowsError(try Loss.mse(a, b)) { error in
            XCTAssertTrue("\(error)".contains("4×1"), "\(error)")
            XCTAssertTrue("\(error)".contains("1×4"), "\(error)")
        }
        XCTAssertThrowsError(
            try Loss.crossEntropy(Variable(Tensor.zeros(.matrix(2, 3))), Variable(Tensor(rows: [[0], [3]]))))
    }
}
