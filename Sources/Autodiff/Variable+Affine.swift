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
        let product = try Tensor.matmul(vx, vw, transposeB: true, shapeOnly: true)
        guard vb.shape.broadcast(with: product) == product else {
            throw TensorError.shapeMismatch(operation: "+", product, vb.shape)
        }
        let value = Tensor.affine(vx, vw, vb, shape: product)
        return Variable(value, operation: "affine", edges: [
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
        // The bias as one full row, whether it was given as a row or a number.
        let bias = b.count == 1 ? [Double](repeating: b.scalars[0], count: n) : b.scalars
        if n <= 16 && m >= 1024 && k > 0 {
            return thinAffine(x, w, bias, shape: shape)
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
                    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(n), Int32(k),
                                1.0, px.baseAddress, Int32(k), pw.baseAddress, Int32(k),
                                1.0, dst.baseAddress, Int32(n))
                }
            }
        }
        return Tensor(shape: shape, scalars: out)
    }

    /// A few outputs for many rows (a classifier's last layer): OpenBLAS is
    /// faster at W·xᵀ, n×m, than at x·Wᵀ, m×n, so compute that and write its
    /// transpose with the bias added.
    private static func thinAffine(_ x: Tensor, _ w: Tensor, _ bias: [Double], shape: Shape) -> Tensor {
        let m = shape.rows, n = shape.cols, k = x.cols
        var transposed = [Double](repeating: 0, count: n * m)
        x.scalars.withUnsafeBufferPointer { px in
            w.scalars.withUnsafeBufferPointer { pw in
                transposed.withUnsafeMutableBufferPointer { dst in
                    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(n), Int32(m), Int32(k),
                                1.0, pw.baseAddress, Int32(k), px.baseAddress, Int32(k),
                                0.0, dst.baseAddress, Int32(m))
                }
            }
        }
        let out = [Double](unsafeUninitializedCapacity: m * n) { dst, initialized in
            transposed.withUnsafeBufferPointer { src in
                for r in 0..<m {
                    for c in 0..<n { dst[r * n + c] = src[c * m + r] + bias[c] }
                }
            }
            initialized = m * n
        }
        return Tensor(shape: shape, scalars: out)
    }
}
