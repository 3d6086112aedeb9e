import CGEMM
import Dispatch

/// Products op(A)·op(B) whose result has at most `widest` rows or columns,
/// computed by tutor's own kernels (CGEMM) when the processor has them.
///
/// OpenBLAS keeps square products, where it is at its best. Narrow ones are
/// where a layer meets a data set: 60000×784 by 784×64 forward, 64×60000 by
/// 60000×784 for the weights' gradient. There tutor's kernels pack the panels
/// for those shapes and leave out the terms with a zero factor (half of every
/// image is background) without changing a bit of the result.
public enum NarrowProduct {
    /// The narrow side's largest size.
    public static let widest = 128
    /// Multiply-adds below which OpenBLAS keeps a product: its path for small
    /// matrices packs nothing (a 10-5-1 network trains twice as fast on it).
    static let smallest = 1 << 16
    /// Multiply-adds below which a product runs on one thread.
    static let sharedFrom = 1 << 21
    /// Rows or columns of C's longer side each part keeps at least: a part
    /// reads all of the other operand, so thin slices would read it over and over.
    static let sliceAtLeast = 128

    /// The parts a product is cut into: one per BLAS thread, within limits.
    static func parts(m: Int, n: Int, k: Int) -> Int {
        guard m * n * k >= sharedFrom else { return 1 }
        return max(1, min(BLASLibrary.threadCount, max(m, n) / sliceAtLeast))
    }

    /// Whether tutor's kernels take the m×n product with inner size k.
    static func takes(m: Int, n: Int, k: Int) -> Bool {
        ProductKernel.current != nil && min(m, n) <= widest && m > 0 && n > 0 && m * n * k >= smallest
    }

    /// c (m×n, row-major, leading dimension n) = op(a)·op(b).
    static func multiply(
        _ a: UnsafePointer<Double>, lda: Int, transposeA: Bool,
        _ b: UnsafePointer<Double>, ldb: Int, transposeB: Bool,
        into c: UnsafeMutablePointer<Double>, m: Int, n: Int, k: Int
    ) {
        multiply(
            a, lda: lda, transposeA: transposeA, b, ldb: ldb, transposeB: transposeB, into: c, m: m, n: n, k: k,
            isa: isa, method: TUTOR_GEMM_ANY_METHOD, parts: parts(m: m, n: n, k: k))
    }

    /// The instruction set of this process's kernels.
    static var isa: tutor_gemm_isa { ProductKernel.current == .avx512 ? TUTOR_GEMM_AVX512 : TUTOR_GEMM_AVX2 }

    /// c = op(a)·op(b) by the coded method, when an operand that is not
    /// transposed holds its entries as bytes (`Tensor.byteCoded`) and the
    /// method takes the product: then only the other operand's doubles are
    /// read. False, with c untouched, otherwise.
    static func multiplyCoded(
        _ a: Tensor, _ b: Tensor, transposeA: Bool, transposeB: Bool,
        into c: UnsafeMutablePointer<Double>, m: Int, n: Int, k: Int
    ) -> Bool {
        let isa = isa, parts = parts(m: m, n: n, k: k)
        // x is the coded operand, y the other one, whose doubles are read.
        let coded: (x: ByteCodedEntries, isA: Bool, y: Tensor, transposeY: Bool)
        if !transposeA, let x = a.byteCoded, tutor_coded_takes(isa, x.operand, true, m, n, k) {
            coded = (x, true, b, transposeB)
        } else if !transposeB, let x = b.byteCoded, tutor_coded_takes(isa, x.operand, false, m, n, k) {
            coded = (x, false, a, transposeA)
        } else {
            return false
        }
        return coded.y.scalars.withUnsafeBufferPointer { py in
            multiply(
                coded: coded.x, isA: coded.isA, py.baseAddress!, ldy: coded.y.cols, transposeY: coded.transposeY,
                into: c, m: m, n: n, k: k, isa: isa, parts: parts)
        }
    }

    /// c = x·op(y) (`isA`, x is m×k) or op(y)·x (x is k×n) from x's lists of
    /// nonzero entries, made now if x has none for this product yet. False,
    /// with c untouched, when there is no memory for the lists.
    static func multiply(
        coded x: ByteCodedEntries, isA: Bool, _ y: UnsafePointer<Double>, ldy: Int, transposeY: Bool,
        into c: UnsafeMutablePointer<Double>, m: Int, n: Int, k: Int,
        isa: tutor_gemm_isa, parts: Int
    ) -> Bool {
        precondition(isA ? x.rows == m && x.cols == k : x.rows == k && x.cols == n, "coded product: shapes")
        let parts = max(1, parts)
        let (sy, sc) = (UInt(bitPattern: y), UInt(bitPattern: c))
        let operand = UInt(bitPattern: x.operand)
        // Every part of the lists exists before any part of the product runs.
        let prepared = UnsafeMutableBufferPointer<Bool>.allocate(capacity: parts)
        defer { prepared.deallocate() }
        let preparedAddress = UInt(bitPattern: prepared.baseAddress)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            UnsafeMutablePointer<Bool>(bitPattern: preparedAddress)![part] = tutor_coded_prepare(
                isa, OpaquePointer(bitPattern: operand), isA, m, n, k, part, parts)
        }
        guard prepared.allSatisfy({ $0 }) else { return false }
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            tutor_coded_part(
                isa, OpaquePointer(bitPattern: operand), isA, transposeY, m, n, k, UnsafePointer(bitPattern: sy), ldy,
                UnsafeMutablePointer(bitPattern: sc), n, part, parts)
        }
        withExtendedLifetime(x) {}
        return true
    }

    /// The same with every choice given: the tests hold each way to the same bits.
    static func multiply(
        _ a: UnsafePointer<Double>, lda: Int, transposeA: Bool,
        _ b: UnsafePointer<Double>, ldb: Int, transposeB: Bool,
        into c: UnsafeMutablePointer<Double>, m: Int, n: Int, k: Int,
        isa: tutor_gemm_isa, method: tutor_gemm_method, parts: Int
    ) {
        var method = method
        if method == TUTOR_GEMM_ANY_METHOD {
            method = tutor_gemm_choose(isa, transposeA, transposeB, m, n, k, a, lda, b, ldb)
        }
        let parts = max(1, parts)
        if parts == 1 {
            tutor_gemm_part(isa, method, transposeA, transposeB, m, n, k, a, lda, b, ldb, c, n, 0, 1)
            return
        }
        // Each part writes its own slice of c.
        let (sa, sb, sc) = (UInt(bitPattern: a), UInt(bitPattern: b), UInt(bitPattern: c))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            tutor_gemm_part(
                isa, method, transposeA, transposeB, m, n, k,
                UnsafePointer(bitPattern: sa), lda, UnsafePointer(bitPattern: sb), ldb,
                UnsafeMutablePointer(bitPattern: sc), n, part, parts)
        }
    }
}
