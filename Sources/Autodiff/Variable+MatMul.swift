/// Matrix products and transposes.
extension Variable {
    /// op(a)·op(b), op transposing when asked (no copies: BLAS flags).
    ///
    /// For C = A·B:  ∂/∂A = G·Bᵀ,  ∂/∂B = Aᵀ·G; the transposed forms follow by
    /// transposing these, and are again computed with flags.
    public static func matmul(
        _ a: Variable, _ b: Variable,
        transposeA: Bool = false, transposeB: Bool = false
    ) throws -> Variable {
        let value = try Tensor.matmul(a.value, b.value, transposeA: transposeA, transposeB: transposeB)
        let va = a.value, vb = b.value
        return Variable(
            value, operation: "@",
            edges: [
                Edge(input: a) { g in
                    // op(A) = G·op(B)ᵀ; when A was transposed, ∂/∂A = (G·op(B)ᵀ)ᵀ = op(B)·Gᵀ.
                    transposeA
                        ? Tensor.product(
                            vb, g, transposeA: transposeB, transposeB: true,
                            shape: va.shape, inner: g.cols)
                        : Tensor.product(
                            g, vb, transposeA: false, transposeB: !transposeB,
                            shape: va.shape, inner: g.cols)
                },
                Edge(input: b) { g in
                    // op(B) = op(A)ᵀ·G; when B was transposed, ∂/∂B = Gᵀ·op(A).
                    transposeB
                        ? Tensor.product(
                            g, va, transposeA: true, transposeB: transposeA,
                            shape: vb.shape, inner: g.rows)
                        : Tensor.product(
                            va, g, transposeA: !transposeA, transposeB: false,
                            shape: vb.shape, inner: g.rows)
                },
            ])
    }

    /// aᵀ;  the gradient is transposed back.
    public var transposed: Variable {
        Variable(value.transposed, operation: "transpose", edges: [Edge(input: self) { g in g.transposed }])
    }
}
