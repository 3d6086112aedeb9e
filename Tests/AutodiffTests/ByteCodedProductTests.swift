@testable import Autodiff
import CGEMM
import Dispatch
import XCTest

/// Products of an operand given as bytes and a table (a data set) read the
/// lists of nonzero entries it keeps; they are held to the definition bit for
/// bit, like every other way (`NarrowProductTests`).
final class ByteCodedProductTests: XCTestCase {
    var generator = SplitMix64(seed: 20_261_202)

    /// Uniform in [-1, 1), or zero with probability `zeros`.
    func entries(_ count: Int, zeros: Double = 0) -> [Double] {
        (0..<count).map { _ in
            let u = Double(generator.next() >> 11) / Double(1 << 53)
            return u < zeros ? 0 : Double(generator.next() >> 11) / Double(1 << 52) - 1
        }
    }

    /// Codes 0 and 1 stand for +0 and −0; the rest for values in [0, 1].
    var table: [Double] {
        var table = (0..<256).map { Double($0) / 255 }
        table[1] = -0.0
        return table
    }

    /// `count` codes, each zero (0 or 1) with probability `zeros`.
    func codes(_ count: Int, zeros: Double) -> [UInt8] {
        (0..<count).map { _ in
            let u = Double(generator.next() >> 11) / Double(1 << 53)
            return u < zeros ? UInt8(generator.next() & 1) : UInt8(2 + generator.next() % 254)
        }
    }

    func tensor(rows: Int, cols: Int, codes: [UInt8], table: [Double]) -> Tensor {
        codes.withUnsafeBufferPointer { Tensor(shape: .matrix(rows, cols), bytes: $0, table: table) }
    }

    /// C = x·op(y) (`isA`) or op(y)·x by the coded method, and the definition.
    func product(
        _ x: Tensor, isA: Bool, _ y: [Double], transposeY: Bool, m: Int, n: Int, k: Int,
        isa: tutor_gemm_isa, parts: Int
    ) -> (got: [Double], expected: [Double]) {
        (
            coded(x, isA: isA, y, transposeY: transposeY, m: m, n: n, k: k, isa: isa, parts: parts),
            reference(x, isA: isA, y, transposeY: transposeY, m: m, n: n, k: k)
        )
    }

    func leadingDimension(isA: Bool, transposeY: Bool, m: Int, n: Int, k: Int) -> Int {
        isA ? (transposeY ? k : n) : (transposeY ? m : k)
    }

    /// The definition, written out in Swift.
    func reference(_ x: Tensor, isA: Bool, _ y: [Double], transposeY: Bool, m: Int, n: Int, k: Int) -> [Double] {
        let ldy = leadingDimension(isA: isA, transposeY: transposeY, m: m, n: n, k: k)
        func entryY(_ r: Int, _ c: Int) -> Double { transposeY ? y[c * ldy + r] : y[r * ldy + c] }
        var expected = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var sum = 0.0
                for p in 0..<k {
                    if isA {
                        sum.addProduct(x.scalars[i * k + p], entryY(p, j))
                    } else {
                        sum.addProduct(entryY(i, p), x.scalars[p * n + j])
                    }
                }
                expected[i * n + j] = sum
            }
        }
        return expected
    }

    func coded(
        _ x: Tensor, isA: Bool, _ y: [Double], transposeY: Bool, m: Int, n: Int, k: Int,
        isa: tutor_gemm_isa, parts: Int
    ) -> [Double] {
        let ldy = leadingDimension(isA: isA, transposeY: transposeY, m: m, n: n, k: k)
        var got = [Double](repeating: .nan, count: m * n)
        y.withUnsafeBufferPointer { py in
            got.withUnsafeMutableBufferPointer { pc in
                XCTAssertTrue(
                    NarrowProduct.multiply(
                        coded: x.byteCoded!, isA: isA, py.baseAddress!, ldy: ldy, transposeY: transposeY,
                        into: pc.baseAddress!, m: m, n: n, k: k, isa: isa, parts: parts))
            }
        }
        return got
    }

    var instructionSets: [tutor_gemm_isa] {
        let features = CPUFeatures.current
        return features.avx512 && features.osSavesZMM
            ? [TUTOR_GEMM_PORTABLE, TUTOR_GEMM_AVX512] : [TUTOR_GEMM_PORTABLE]
    }

    func assertSameBits(_ got: [Double], _ expected: [Double], _ message: String, line: UInt = #line) {
        let differing = zip(got, expected).enumerated().filter { $0.element.0.bitPattern != $0.element.1.bitPattern }
        XCTAssertEqual(got.count, expected.count, message, line: line)
        XCTAssertTrue(
            differing.isEmpty,
            "\(message): \(differing.count) entries differ, first at \(differing.first?.offset ?? -1): "
                + "\(differing.first.map { "\($0.element.0) against \($0.element.1)" } ?? "")",
            line: line)
    }

    /// Tables with two codes for zero (+0 and −0), one (the vector code lists
    /// those), and none.
    var tables: [(name: String, table: [Double])] {
        [
            ("+0 and −0", table), ("one zero", (0..<256).map { Double($0) / 255 }),
            ("no zero", (0..<256).map { Double($0 + 1) }),
        ]
    }

    func testEveryShapeRoleAndPartGivesTheDefinitionsBits() {
        // Around the pass of 32 rows, whole vectors of 8 and 64, and blocks of
        // depth: 48 rows of D for a width of 64, 22 for 136, 192 for 16, and
        // 256, the most, for 8 (600 deep: two whole blocks and a part).
        let shapes = [
            (1, 1, 1), (5, 7, 9), (31, 8, 47), (33, 64, 49), (70, 65, 300), (64, 10, 784), (40, 129, 65), (5, 3, 600),
        ]
        for (name, table) in tables {
            everyShape(shapes, table: table, name)
        }
    }

    func everyShape(_ shapes: [(Int, Int, Int)], table: [Double], _ name: String) {
        for (m, n, k) in shapes {
            for isA in [true, false] {
                let x =
                    isA
                    ? tensor(rows: m, cols: k, codes: codes(m * k, zeros: 0.5), table: table)
                    : tensor(rows: k, cols: n, codes: codes(k * n, zeros: 0.5), table: table)
                for transposeY in [false, true] {
                    let y = entries(isA ? k * n : m * k, zeros: 0.2)
                    let expected = reference(x, isA: isA, y, transposeY: transposeY, m: m, n: n, k: k)
                    for isa in instructionSets {
                        for parts in [1, 2, 3] {
                            let got = coded(
                                x, isA: isA, y, transposeY: transposeY, m: m, n: n, k: k, isa: isa, parts: parts)
                            assertSameBits(
                                got, expected,
                                "\(name): \(m)×\(n)×\(k), x is \(isA ? "A" : "B"), y transposed \(transposeY), "
                                    + "isa \(isa.rawValue), \(parts) parts")
                        }
                    }
                }
            }
        }
    }

    func testListsAreMadeOnceAndKeptForEachBlockDepth() {
        let x = tensor(rows: 200, cols: 100, codes: codes(20000, zeros: 0.5), table: table)
        let operand = x.byteCoded!.operand
        XCTAssertEqual(tutor_coded_kept_lists(operand), 0, "no product yet")
        for round in 0..<2 {
            for isa in instructionSets {
                let (got, expected) = product(
                    x, isA: true, entries(100 * 64), transposeY: true, m: 200, n: 64, k: 100, isa: isa, parts: 2)
                assertSameBits(got, expected, "x·Wᵀ, round \(round), isa \(isa.rawValue)")
            }
            XCTAssertEqual(tutor_coded_kept_lists(operand), 1, "one kind of lists, kept")
        }
        // A wider layer takes shallower blocks, so lists of their own.
        let (got, expected) = product(
            x, isA: true, entries(100 * 200), transposeY: false, m: 200, n: 200, k: 100, isa: TUTOR_GEMM_PORTABLE,
            parts: 1)
        assertSameBits(got, expected, "a width of 200")
        XCTAssertEqual(tutor_coded_kept_lists(operand), 2)
        let (gotB, expectedB) = product(
            x, isA: false, entries(200 * 64), transposeY: true, m: 64, n: 100, k: 200, isa: TUTOR_GEMM_PORTABLE,
            parts: 2)
        assertSameBits(gotB, expectedB, "Gᵀ·x")
        XCTAssertEqual(tutor_coded_kept_lists(operand), 3)
    }

    func testAZeroMeetingAnInfinityStillGivesItsNaN() {
        // The lists leave zeros out; a block of the other operand holding ∞ or
        // NaN must take every term, so that 0·∞ gives its NaN.
        for isA in [true, false] {
            let (m, n, k) = (70, 66, 120)
            let x =
                isA
                ? tensor(rows: m, cols: k, codes: codes(m * k, zeros: 0.6), table: table)
                : tensor(rows: k, cols: n, codes: codes(k * n, zeros: 0.6), table: table)
            var y = entries(isA ? k * n : m * k, zeros: 0.3)
            y[7] = .infinity
            y[y.count / 2] = -.infinity
            y[y.count - 3] = .nan
            for isa in instructionSets {
                let (got, expected) = product(x, isA: isA, y, transposeY: false, m: m, n: n, k: k, isa: isa, parts: 2)
                XCTAssertTrue(expected.contains { $0.isNaN }, "the case has NaNs to keep")
                assertSameBits(got, expected, "x is \(isA ? "A" : "B"), isa \(isa.rawValue)")
            }
        }
    }

    func testCodesStandingForInfinityAndNaNAreKept() {
        var table = self.table
        table[200] = .infinity
        table[201] = .nan
        var bytes = codes(90 * 80, zeros: 0.5)
        bytes[17] = 200
        bytes[5000] = 201
        let x = tensor(rows: 90, cols: 80, codes: bytes, table: table)
        for isa in instructionSets {
            let (got, expected) = product(
                x, isA: true, entries(80 * 16), transposeY: false, m: 90, n: 16, k: 80, isa: isa, parts: 1)
            assertSameBits(got, expected, "isa \(isa.rawValue)")
        }
    }

    func testProductsAtOnceOnOneOperandAgree() {
        // The lists are made by whichever product comes first; products at the
        // same time each get whole, correct lists.
        let bytes = codes(300 * 128, zeros: 0.5)
        let y = entries(128 * 32)
        let (_, expected) = product(
            tensor(rows: 300, cols: 128, codes: bytes, table: table), isA: true, y, transposeY: false, m: 300, n: 32,
            k: 128, isa: TUTOR_GEMM_PORTABLE, parts: 1)
        let x = tensor(rows: 300, cols: 128, codes: bytes, table: table)
        let isa = instructionSets.last!
        let results = UnsafeMutableBufferPointer<Double>.allocate(capacity: 4 * 300 * 32)
        defer { results.deallocate() }
        let (base, operand) = (UInt(bitPattern: results.baseAddress), x.byteCoded!)
        y.withUnsafeBufferPointer { py in
            let sy = UInt(bitPattern: py.baseAddress)
            DispatchQueue.concurrentPerform(iterations: 4) { run in
                _ = NarrowProduct.multiply(
                    coded: operand, isA: true, UnsafePointer(bitPattern: sy)!, ldy: 32, transposeY: false,
                    into: UnsafeMutablePointer(bitPattern: base)! + run * 300 * 32, m: 300, n: 32, k: 128, isa: isa,
                    parts: 1 + run % 2)
            }
        }
        for run in 0..<4 {
            assertSameBits(Array(results[(run * 9600)..<((run + 1) * 9600)]), expected, "product \(run)")
        }
        XCTAssertEqual(tutor_coded_kept_lists(operand.operand), 1)
    }
}

/// A tensor made from bytes keeps them while its entries stay as they were.
final class ByteCodedTensorTests: XCTestCase {
    let table = (0..<256).map { Double($0) / 255 }

    func images(_ rows: Int, _ cols: Int) -> Tensor {
        // About half zeros, the rest spread over every code.
        let bytes = (0..<(rows * cols)).map { (i: Int) -> UInt8 in i % 2 == 0 ? 0 : UInt8((i * 11) % 256) }
        return bytes.withUnsafeBufferPointer { Tensor(shape: .matrix(rows, cols), bytes: $0, table: table) }
    }

    func testAChangedEntryDropsTheCodes() {
        var x = images(4, 5)
        XCTAssertNotNil(x.byteCoded)
        let copy = x
        x[1, 2] = 0.5
        XCTAssertNil(x.byteCoded, "the codes no longer say what the entries are")
        XCTAssertNotNil(copy.byteCoded, "a copy made before keeps them")
        XCTAssertEqual(x[1, 2], 0.5)
        XCTAssertEqual(copy[1, 2], table[(7 * 11) % 256], "and its own entries")
        var y = images(4, 5)
        y.scalars[0] += 1
        XCTAssertNil(y.byteCoded)
        XCTAssertEqual(y.scalars[0], 1)
    }

    func testTheDoublesAreMadeAtTheirFirstRead() {
        let x = images(300, 90), coded = x.byteCoded!
        XCTAssertFalse(coded.madeDoubles, "a tensor from bytes starts as its codes")
        let w = Tensor(shape: .matrix(64, 90), scalars: (0..<(64 * 90)).map { Double($0 % 17) / 16 - 0.5 })
        _ = try? Tensor.matmul(x, w, transposeB: true)
        XCTAssertEqual(
            coded.madeDoubles, ProductKernel.current != .avx512,
            "the coded method reads the codes only; the other methods read the doubles")
        // Read from several threads at once, they are made once and agree.
        let reads = UnsafeMutableBufferPointer<Double>.allocate(capacity: 8)
        defer { reads.deallocate() }
        let address = UInt(bitPattern: reads.baseAddress)
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            UnsafeMutablePointer<Double>(bitPattern: address)![i] = x.scalars[i * 1000 + 1]
        }
        XCTAssertTrue(coded.madeDoubles)
        let expected = (0..<8).map { table[Int(UInt8((($0 * 1000 + 1) * 11) % 256))] }
        XCTAssertEqual(Array(reads), expected)
        XCTAssertEqual(x.scalars.count, 300 * 90)
        let entries = (0..<(300 * 90)).map { (i: Int) -> Double in i % 2 == 0 ? 0 : table[(i * 11) % 256] }
        XCTAssertEqual(x.scalars, entries)
    }

    func testTheCodesAreNotPartOfTheValue() throws {
        let x = images(3, 4)
        let plain = Tensor(shape: x.shape, scalars: x.scalars)
        XCTAssertNil(plain.byteCoded)
        XCTAssertEqual(x, plain)
        let decoded = try JSONDecoder().decode(Tensor.self, from: JSONEncoder().encode(x))
        XCTAssertEqual(decoded, x)
        XCTAssertNil(decoded.byteCoded)
    }

    func testTheEngineGivesTheSameBitsWithAndWithoutTheCodes() throws {
        // A layer over images from bytes, and over the same doubles without
        // their bytes: forward, the weights' gradient, and the affine map.
        let x = images(300, 90), plain = Tensor(shape: x.shape, scalars: x.scalars)
        var generator = SplitMix64(seed: 7)
        func uniform(_ count: Int) -> [Double] {
            (0..<count).map { _ in Double(generator.next() >> 11) / Double(1 << 53) - 0.5 }
        }
        let w = Tensor(shape: .matrix(64, 90), scalars: uniform(64 * 90))
        let g = Tensor(shape: .matrix(300, 64), scalars: uniform(300 * 64))
        let bias = Tensor(shape: .matrix(1, 64), scalars: uniform(64))
        XCTAssertEqual(try Tensor.matmul(x, w, transposeB: true), try Tensor.matmul(plain, w, transposeB: true))
        XCTAssertEqual(try Tensor.matmul(g, x, transposeA: true), try Tensor.matmul(g, plain, transposeA: true))
        let affine = Tensor.affine(x, w, bias, shape: .matrix(300, 64))
        XCTAssertEqual(
            affine.scalars.map(\.bitPattern),
            Tensor.affine(plain, w, bias, shape: .matrix(300, 64)).scalars.map(\.bitPattern))
        // On a processor with the 512-bit kernels the coded method took them.
        let takes = ProductKernel.current == .avx512
        XCTAssertEqual(tutor_coded_kept_lists(x.byteCoded!.operand), takes ? 2 : 0)
    }

    func testTheCodedMethodTakesWhatLeavingOutZerosTakes() {
        let x = images(300, 90), operand = x.byteCoded!.operand
        XCTAssertTrue(tutor_coded_takes(TUTOR_GEMM_AVX512, operand, true, 300, 64, 90), "x·Wᵀ")
        XCTAssertTrue(tutor_coded_takes(TUTOR_GEMM_AVX512, operand, false, 64, 90, 300), "Gᵀ·x")
        XCTAssertFalse(tutor_coded_takes(TUTOR_GEMM_AVX2, operand, true, 300, 64, 90), "256-bit kernels")
        XCTAssertFalse(tutor_coded_takes(TUTOR_GEMM_PORTABLE, operand, true, 300, 64, 90))
        XCTAssertFalse(tutor_coded_takes(TUTOR_GEMM_AVX512, operand, true, 300, 600, 90), "a layer wider than 512")
        XCTAssertFalse(tutor_coded_takes(TUTOR_GEMM_AVX512, operand, true, 90, 64, 300), "another shape")
        let shallow = images(300, 40)
        XCTAssertFalse(tutor_coded_takes(TUTOR_GEMM_AVX512, shallow.byteCoded!.operand, true, 300, 64, 40), "depth 40")
        let dense = (0..<(300 * 90)).map { UInt8(1 + $0 % 255) }
        let full = dense.withUnsafeBufferPointer { Tensor(shape: .matrix(300, 90), bytes: $0, table: table) }
        XCTAssertFalse(tutor_coded_takes(TUTOR_GEMM_AVX512, full.byteCoded!.operand, true, 300, 64, 90), "no zeros")
    }
}
