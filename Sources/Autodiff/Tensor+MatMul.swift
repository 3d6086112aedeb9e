import CBLAS

extension Tensor {
    /// The matrix product op(a)·op(b), where op transposes when asked.
    ///
    /// A product with a narrow side goes to tutor's own kernels (`NarrowProduct`),
    /// any other to `cblas_dgemm`, with the transpose flags: no transposed copy is made.
    /// Both operands must be matrices; the inner dimensions must agree.
    public static func matmul(
        _ a: Tensor, _ b: Tensor,
        transposeA: Bool = false, transposeB: Bool = false
    ) throws -> Tensor {
        let shape = try matmulShape(a, b, transposeA: transposeA, transposeB: transposeB)
        let inner = transposeA ? a.rows : a.cols
        return product(a, b, transposeA: transposeA, transposeB: transposeB, shape: shape, inner: inner)
    }

    /// The shape of op(a)·op(b), or the error that says why there is none.
    static func matmulShape(
        _ a: Tensor, _ b: Tensor, transposeA: Bool = false,
        transposeB: Bool = false
    ) throws -> Shape {
        let name = "@"
        if a.shape.isScalar || b.shape.isScalar {
            let which = a.shape.isScalar ? a.shape : b.shape
            throw TensorError.invalidShape(
                operation: name, which,
                expected: "a matrix on both sides (use * to scale)")
        }
        let m = transposeA ? a.cols : a.rows
        let k = transposeA ? a.rows : a.cols
        let kb = transposeB ? b.cols : b.rows
        let n = transposeB ? b.rows : b.cols
        guard k == kb else {
            let sa: Shape = transposeA ? .matrix(a.cols, a.rows) : a.shape
            let sb: Shape = transposeB ? .matrix(b.cols, b.rows) : b.shape
            throw TensorError.shapeMismatch(operation: name, sa, sb)
        }
        return try checkedShape(m, n)
    }

    /// The product once shapes are known to fit.
    static func product(
        _ a: Tensor, _ b: Tensor, transposeA: Bool, transposeB: Bool,
        shape: Shape, inner k: Int
    ) -> Tensor {
        let m = shape.rows, n = shape.cols
        guard m > 0, n > 0 else { return Tensor.zeros(shape) }
        guard k > 0 else { return Tensor.zeros(shape) }
        BLASLibrary.prepare()
        let narrow = NarrowProduct.takes(m: m, n: n, k: k)
        let out = [Double](unsafeUninitializedCapacity: m * n) { dst, initialized in
            adviseHugePages(dst)
            initialized = m * n
            if narrow
                && NarrowProduct.multiplyCoded(
                    a, b, transposeA: transposeA, transposeB: transposeB, into: dst.baseAddress!, m: m, n: n, k: k)
            {
                return
            }
            a.scalars.withUnsafeBufferPointer { pa in
                b.scalars.withUnsafeBufferPointer { pb in
                    guard !narrow else {
                        NarrowProduct.multiply(
                            pa.baseAddress!, lda: a.cols, transposeA: transposeA, pb.baseAddress!, ldb: b.cols,
                            transposeB: transposeB, into: dst.baseAddress!, m: m, n: n, k: k)
                        return
                    }
                    cblas_dgemm(
                        CblasRowMajor,
                        transposeA ? CblasTrans : CblasNoTrans,
                        transposeB ? CblasTrans : CblasNoTrans,
                        Int32(m), Int32(n), Int32(k),
                        1.0, pa.baseAddress, Int32(a.cols),
                        pb.baseAddress, Int32(b.cols),
                        0.0, dst.baseAddress, Int32(n))
                }
            }
        }
        return Tensor(shape: shape, scalars: out)
    }

    /// The transpose (a scalar is its own transpose).
    public var transposed: Tensor {
        if shape.isScalar || rows == 1 || cols == 1 {
            return Tensor(shape: shape.isScalar ? shape : .matrix(cols, rows), scalars: scalars)
        }
        let r = rows, c = cols
        let out = scalars.withUnsafeBufferPointer { src in
            [Double](unsafeUninitializedCapacity: r * c) { dst, initialized in
                for i in 0..<r {
                    for j in 0..<c { dst[j * r + i] = src[i * c + j] }
                }
                initialized = r * c
            }
        }
        return Tensor(shape: .matrix(c, r), scalars: out)
    }
}
