import CBLAS

/// The affine map of a dense layer, fused into one operation.
extension Variable {
    /// z = x·Wᵀ + b, for x of shape m×k, W of n×k (PyTorch's `Linear` layout)
    /// and b of 1×n (or a scalar).
    ///
    /// One BLAS call writes the product on top of the repeated bias (β = 1), so
    /// no m×n intermediate is made — what `torch.addmm` does. The gradients are
    /// those of the two operations it fuses: ∂/∂x = G·W, ∂/∂W = Gᵀ·x, ∂/∂b = Σ
    /// of G's rows.
    public static func affine(_ x: Variable, _ weight: Variable, _ bias: Variable) throws -> Variable {
        let vx = x.value, vw = weight.value, vb = bias.value
        let product = try Tensor.matmulShape(vx, vw, transposeB: true)
        guard vb.shape.broadcast(with: product) == product else {
            throw TensorError.shapeMismatch(operation: "+", product, vb.shape)
        }
        let value = Tensor.affine(vx, vw, vb, shape: product)
        return Variable(
            value, operation: "affine",
            edges: [
                Edge(input: x) { g in
                    Tensor.product(g, vw, transposeA: false, transposeB: false, shape: vx.shape, inner: g.cols)
                },
                Edge(input: weight) { g in
                    Tensor.product(g, vx, transposeA: true, transposeB: false, shape: vw.shape, inner: g.rows)
                },
                Edge(input: bias) { g in g.summed(to: vb.shape) },
            ])
    }
}

extension Tensor {
    /// x·Wᵀ + b into a fresh m×n tensor.
    static func affine(_ x: Tensor, _ w: Tensor, _ b: Tensor, shape: Shape) -> Tensor {
        let m = shape.rows, n = shape.cols, k = x.cols
        BLASLibrary.prepare()
        // The bias as one full row, whether it was given as a row or a number.
        let bias = b.count == 1 ? [Double](repeating: b.scalars[0], count: n) : b.scalars
        if k > 0 && NarrowProduct.takes(m: m, n: n, k: k) {
            return narrowAffine(x, w, bias, shape: shape)
        }
        if n <= 64 && m >= 1024 && k > 0 {
            return transposedAffine(x, w, bias, shape: shape)
        }
        // The rows start as b; one BLAS call adds the product on top (β = 1).
        var out = [Double](unsafeUninitializedCapacity: m * n) { dst, initialized in
            adviseHugePages(dst)
            for r in 0..<m {
                for c in 0..<n { dst[r * n + c] = bias[c] }
            }
            initialized = m * n
        }
        guard m > 0, n > 0, k > 0 else { return Tensor(shape: shape, scalars: out) }
        x.scalars.withUnsafeBufferPointer { px in
            w.scalars.withUnsafeBufferPointer { pw in
                out.withUnsafeMutableBufferPointer { dst in
                    cblas_dgemm(
                        CblasRowMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(n), Int32(k),
                        1.0, px.baseAddress, Int32(k), pw.baseAddress, Int32(k),
                        1.0, dst.baseAddress, Int32(n))
                }
            }
        }
        return Tensor(shape: shape, scalars: out)
    }

    /// The product by tutor's own kernels, then the bias added to each row: the
    /// same sum as OpenBLAS's β = 1, product first.
    private static func narrowAffine(_ x: Tensor, _ w: Tensor, _ bias: [Double], shape: Shape) -> Tensor {
        let m = shape.rows, n = shape.cols, k = x.cols
        let out = [Double](unsafeUninitializedCapacity: m * n) { dst, initialized in
            adviseHugePages(dst)
            if !NarrowProduct.multiplyCoded(
                x, w, transposeA: false, transposeB: true, into: dst.baseAddress!, m: m, n: n, k: k)
            {
                x.scalars.withUnsafeBufferPointer { px in
                    w.scalars.withUnsafeBufferPointer { pw in
                        NarrowProduct.multiply(
                            px.baseAddress!, lda: k, transposeA: false, pw.baseAddress!, ldb: k, transposeB: true,
                            into: dst.baseAddress!, m: m, n: n, k: k)
                    }
                }
            }
            bias.withUnsafeBufferPointer { pb in
                inChunks(m) { rows in
                    for r in rows {
                        for c in 0..<n { dst[r * n + c] += pb[c] }
                    }
                }
            }
            initialized = m * n
        }
        return Tensor(shape: shape, scalars: out)
    }

    /// Few outputs for many rows without tutor's kernels (a hidden layer of 64
    /// on a data set, or a classifier's last layer): OpenBLAS 0.3.21 computes W·xᵀ, n×m, about a
    /// fifth faster than x·Wᵀ, m×n (75 against 96 ms for 60000×784 by 784×64),
    /// so compute that and write its transpose with the bias added.
    private static func transposedAffine(_ x: Tensor, _ w: Tensor, _ bias: [Double], shape: Shape) -> Tensor {
        let m = shape.rows, n = shape.cols, k = x.cols
        let transposed = [Double](unsafeUninitializedCapacity: n * m) { dst, initialized in
            adviseHugePages(dst)
            x.scalars.withUnsafeBufferPointer { px in
                w.scalars.withUnsafeBufferPointer { pw in
                    cblas_dgemm(
                        CblasRowMajor, CblasNoTrans, CblasTrans, Int32(n), Int32(m), Int32(k),
                        1.0, pw.baseAddress, Int32(k), px.baseAddress, Int32(k),
                        0.0, dst.baseAddress, Int32(m))
                }
            }
            initialized = n * m
        }
        let out = [Double](unsafeUninitializedCapacity: m * n) { dst, initialized in
            adviseHugePages(dst)
            transposed.withUnsafeBufferPointer { src in
                // Tiles of 64 rows: each column's run is read whole, and the
                // tile being written (at most 64×64) stays in cache.
                let tile = 64
                // A chunk of entries becomes the whole tiles it starts in, so
                // neighbouring chunks share their boundary tile-aligned.
                func tileRow(_ entry: Int) -> Int { entry == m * n ? m : entry / n / tile * tile }
                inChunks(m * n) { entries in
                    for top in stride(from: tileRow(entries.lowerBound), to: tileRow(entries.upperBound), by: tile) {
                        let bottom = min(top + tile, m)
                        for c in 0..<n {
                            let b = bias[c]
                            for r in top..<bottom { dst[r * n + c] = src[c * m + r] + b }
                        }
                    }
                }
            }
            initialized = m * n
        }
        return Tensor(shape: shape, scalars: out)
    }
}
