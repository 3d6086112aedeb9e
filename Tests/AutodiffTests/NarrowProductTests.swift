@testable import Autodiff
import CGEMM
import XCTest

/// tutor's own products are held to their definition bit for bit: each entry
/// is the chain c = fma(a_p, b_p, c) from +0 in the order of p, whatever the
/// instruction set, the method, the transposes, the sizes and the parts.
final class NarrowProductTests: XCTestCase {
    /// Row-major operands as stored, with op(A) m×k and op(B) k×n.
    struct Case: CustomStringConvertible {
        var m: Int, n: Int, k: Int
        var transposeA: Bool, transposeB: Bool
        var a: [Double], b: [Double]
        var lda: Int { transposeA ? m : k }
        var ldb: Int { transposeB ? k : n }
        var description: String { "\(m)×\(k) by \(k)×\(n), transposed \(transposeA)/\(transposeB)" }

        func entryA(_ i: Int, _ p: Int) -> Double { transposeA ? a[p * lda + i] : a[i * lda + p] }
        func entryB(_ p: Int, _ j: Int) -> Double { transposeB ? b[j * ldb + p] : b[p * ldb + j] }

        /// The definition, written out in Swift.
        var reference: [Double] {
            var c = [Double](repeating: 0, count: m * n)
            for i in 0..<m {
                for j in 0..<n {
                    var sum = 0.0
                    for p in 0..<k { sum.addProduct(entryA(i, p), entryB(p, j)) }
                    c[i * n + j] = sum
                }
            }
            return c
        }

        func product(isa: tutor_gemm_isa, method: tutor_gemm_method, parts: Int) -> [Double] {
            var c = [Double](repeating: .nan, count: m * n)
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    c.withUnsafeMutableBufferPointer { pc in
                        NarrowProduct.multiply(
                            pa.baseAddress!, lda: lda, transposeA: transposeA, pb.baseAddress!, ldb: ldb,
                            transposeB: transposeB, into: pc.baseAddress!, m: m, n: n, k: k,
                            isa: isa, method: method, parts: parts)
                    }
                }
            }
            return c
        }
    }

    var generator = SplitMix64(seed: 20_261_201)

    /// Uniform in [-1, 1), or zero with probability `zeros`.
    func entries(_ count: Int, zeros: Double) -> [Double] {
        (0..<count).map { _ in
            let u = Double(generator.next() >> 11) / Double(1 << 53)
            return u < zeros ? 0 : Double(generator.next() >> 11) / Double(1 << 52) - 1
        }
    }

    func makeCase(m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool, zeros: Double) -> Case {
        Case(
            m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB,
            a: entries(m * k, zeros: zeros), b: entries(k * n, zeros: zeros))
    }

    /// The instruction sets this processor runs; the portable one always.
    var instructionSets: [tutor_gemm_isa] {
        let features = CPUFeatures.current
        var sets = [TUTOR_GEMM_PORTABLE]
        if features.avx2 && features.fma && features.osSavesYMM { sets.append(TUTOR_GEMM_AVX2) }
        if features.avx512 && features.osSavesZMM { sets.append(TUTOR_GEMM_AVX512) }
        return sets
    }

    let methods = [TUTOR_GEMM_PACKED, TUTOR_GEMM_SKIP_ZEROS_OF_A, TUTOR_GEMM_SKIP_ZEROS_OF_B, TUTOR_GEMM_ANY_METHOD]

    /// Bits, so that −0 and NaN are told apart from +0 and each other.
    func assertSameBits(_ got: [Double], _ expected: [Double], _ message: String, line: UInt = #line) {
        XCTAssertEqual(got.count, expected.count, message, line: line)
        let differing = zip(got, expected).enumerated().filter { $0.element.0.bitPattern != $0.element.1.bitPattern }
        XCTAssertTrue(
            differing.isEmpty,
            "\(message): \(differing.count) entries differ, first at \(differing.first?.offset ?? -1): "
                + "\(differing.first.map { "\($0.element.0) against \($0.element.1)" } ?? "")",
            line: line)
    }

    /// Every instruction set and method, cut into `parts`, against `expected`.
    func assertEveryWay(
        _ product: Case, gives expected: [Double], parts: Int, _ message: String = "", line: UInt = #line
    ) {
        for isa in instructionSets {
            for method in methods {
                assertSameBits(
                    product.product(isa: isa, method: method, parts: parts), expected,
                    "\(message)\(product), isa \(isa.rawValue), method \(method.rawValue), \(parts) parts", line: line)
            }
        }
    }

    func testEveryWayGivesTheDefinitionsBits() {
        // Sizes around every tile and block edge: 1, tiles of 4, 6, 8, 12 and
        // 16, the zero-skipping block of depth and its pass of 32 rows.
        let shapes = [
            (1, 1, 1), (1, 7, 3), (5, 1, 9), (13, 17, 11), (12, 16, 64), (33, 9, 70), (7, 70, 130), (64, 24, 300),
            (40, 129, 65),
        ]
        for (m, n, k) in shapes {
            for transposeA in [false, true] {
                for transposeB in [false, true] {
                    let product = makeCase(m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB, zeros: 0.5)
                    let expected = product.reference
                    for parts in [1, 2, 3] { assertEveryWay(product, gives: expected, parts: parts) }
                }
            }
        }
    }

    func testADepthLongerThanABlockKeepsOneChain() {
        // 1100 is past the depth the packed method takes whole, and many
        // blocks of the zero-skipping methods.
        let product = makeCase(m: 20, n: 36, k: 1100, transposeA: true, transposeB: false, zeros: 0.4)
        assertEveryWay(product, gives: product.reference, parts: 2)
    }

    func testAZeroMeetingAnInfinityStillGivesItsNaN() {
        // Zeros in A and B, an infinity and a NaN in each: a zero term left out
        // next to them would hide the NaN that 0·∞ makes.
        for transposeA in [false, true] {
            for transposeB in [false, true] {
                var product = makeCase(m: 70, n: 66, k: 80, transposeA: transposeA, transposeB: transposeB, zeros: 0.6)
                product.a[5] = .infinity
                product.a[400] = .nan
                product.b[7] = -.infinity
                product.b[900] = .nan
                let expected = product.reference
                XCTAssertTrue(expected.contains { $0.isNaN }, "the case has NaNs to keep")
                assertEveryWay(product, gives: expected, parts: 2)
            }
        }
    }

    func testNegativeZerosAndAllZeroRowsKeepTheirSigns() {
        // A chain from +0 over terms that are all ±0 ends at +0; rows of A that
        // are all zero, −0 among them, must give exactly that.
        var product = makeCase(m: 40, n: 20, k: 90, transposeA: false, transposeB: false, zeros: 0.3)
        for p in 0..<90 { product.a[3 * 90 + p] = p % 2 == 0 ? -0.0 : 0.0 }
        for p in 0..<90 { product.b[p * 20 + 4] = -0.0 }
        let expected = product.reference
        XCTAssertEqual(expected[3 * 20].bitPattern, (0.0).bitPattern, "the definition gives +0")
        assertEveryWay(product, gives: expected, parts: 1)
    }

    func testAnEmptyInnerDimensionGivesZeros() {
        let product = Case(m: 3, n: 4, k: 0, transposeA: false, transposeB: false, a: [], b: [])
        assertEveryWay(product, gives: [Double](repeating: 0, count: 12), parts: 2)
    }

    func testTheMethodFollowsTheShapeAndTheShareOfZeros() {
        func choice(_ product: Case, isa: tutor_gemm_isa = TUTOR_GEMM_AVX512) -> tutor_gemm_method {
            product.a.withUnsafeBufferPointer { pa in
                product.b.withUnsafeBufferPointer { pb in
                    tutor_gemm_choose(
                        isa, product.transposeA, product.transposeB, product.m, product.n, product.k,
                        pa.baseAddress, product.lda, pb.baseAddress, product.ldb)
                }
            }
        }
        // Images times a layer's weights: half of A is zero.
        let forward = makeCase(m: 300, n: 64, k: 200, transposeA: false, transposeB: true, zeros: 0.5)
        XCTAssertEqual(choice(forward), TUTOR_GEMM_SKIP_ZEROS_OF_A)
        // The weights' gradient: a transposed A, then the images as B.
        let gradient = makeCase(m: 64, n: 200, k: 300, transposeA: true, transposeB: false, zeros: 0.5)
        XCTAssertEqual(choice(gradient), TUTOR_GEMM_SKIP_ZEROS_OF_B)
        // Dense operands, a short inner dimension, or no 512-bit kernels: packed.
        let dense = makeCase(m: 300, n: 64, k: 200, transposeA: false, transposeB: true, zeros: 0.05)
        XCTAssertEqual(choice(dense), TUTOR_GEMM_PACKED)
        let shallow = makeCase(m: 300, n: 64, k: 10, transposeA: false, transposeB: true, zeros: 0.5)
        XCTAssertEqual(choice(shallow), TUTOR_GEMM_PACKED)
        XCTAssertEqual(choice(forward, isa: TUTOR_GEMM_AVX2), TUTOR_GEMM_PACKED)
        XCTAssertEqual(choice(forward, isa: TUTOR_GEMM_PORTABLE), TUTOR_GEMM_PACKED)
    }

    func testTensorProductsWithANarrowSideUseTheKernelsAndKeepTheirBits() throws {
        // Through the engine: matmul with each transpose, and a dense layer's
        // affine map (the product, then the bias added).
        let x = makeCase(m: 300, n: 24, k: 90, transposeA: false, transposeB: true, zeros: 0.5)
        let a = Tensor(shape: .matrix(300, 90), scalars: x.a)
        let w = Tensor(shape: .matrix(24, 90), scalars: x.b)
        XCTAssertTrue(NarrowProduct.takes(m: 300, n: 24, k: 90) == (ProductKernel.current != nil))
        guard ProductKernel.current != nil else { return }
        assertSameBits(try Tensor.matmul(a, w, transposeB: true).scalars, x.reference, "x·Wᵀ")
        let bias = Tensor(shape: .matrix(1, 24), scalars: entries(24, zeros: 0))
        let affine = Tensor.affine(a, w, bias, shape: .matrix(300, 24))
        let expected = x.reference.enumerated().map { $0.element + bias.scalars[$0.offset % 24] }
        assertSameBits(affine.scalars, expected, "x·Wᵀ + b")
        let g = Tensor(shape: .matrix(300, 24), scalars: entries(300 * 24, zeros: 0.2))
        let gradient = Case(m: 24, n: 90, k: 300, transposeA: true, transposeB: false, a: g.scalars, b: x.a)
        assertSameBits(try Tensor.matmul(g, a, transposeA: true).scalars, gradient.reference, "Gᵀ·x")
    }
}

extension NarrowProductTests {
    func testAProductIsCutIntoPartsOfAtLeast128RowsOrColumns() {
        let threads = BLASLibrary.threadCount
        XCTAssertEqual(NarrowProduct.parts(m: 60000, n: 64, k: 784), min(threads, 468), "one per thread")
        XCTAssertEqual(NarrowProduct.parts(m: 64, n: 784, k: 60000), min(threads, 6), "784 columns: six parts at most")
        XCTAssertEqual(NarrowProduct.parts(m: 100, n: 10, k: 64), 1, "too little work to share")
        XCTAssertEqual(NarrowProduct.parts(m: 100, n: 120, k: 100_000), 1, "no side of 256")
    }
}

/// Which instruction set tutor's products use, from the BLAS kernel and the features.
final class ProductKernelTests: XCTestCase {
    let haswell = CPUFeatures(avx: true, fma: true, avx2: true, osSavesYMM: true)
    let skylakeX = CPUFeatures(avx: true, fma: true, avx2: true, avx512: true, osSavesYMM: true, osSavesZMM: true)

    func testTheBLASKernelInUseDecides() {
        for name in ["SkylakeX", "COOPERLAKE", "sapphirerapids"] {
            XCTAssertEqual(ProductKernel.kernel(forBLASKernel: name, features: skylakeX), .avx512, name)
        }
        for name in ["Haswell", "Zen", "EXCAVATOR"] {
            XCTAssertEqual(ProductKernel.kernel(forBLASKernel: name, features: skylakeX), .avx2, name)
        }
        for name in ["Prescott", "Sandybridge", "Nehalem", "", "ARMV8"] {
            XCTAssertNil(ProductKernel.kernel(forBLASKernel: name, features: skylakeX), name)
        }
    }

    func testWhatTheProcessorLacksIsNeverUsed() {
        XCTAssertEqual(ProductKernel.kernel(forBLASKernel: "SkylakeX", features: haswell), .avx2)
        var noZMM = skylakeX
        noZMM.osSavesZMM = false
        XCTAssertEqual(ProductKernel.kernel(forBLASKernel: "SkylakeX", features: noZMM), .avx2)
        var noFMA = haswell
        noFMA.fma = false
        XCTAssertNil(ProductKernel.kernel(forBLASKernel: "Haswell", features: noFMA))
        var noYMM = skylakeX
        noYMM.osSavesYMM = false
        XCTAssertNil(ProductKernel.kernel(forBLASKernel: "SkylakeX", features: noYMM))
        XCTAssertNil(ProductKernel.kernel(forBLASKernel: "Haswell", features: CPUFeatures()))
    }
}
