import Autodiff
import Notation

/// Products a formula writes without an operator, and the inverse `A^{-1}`.
extension FormulaEvaluator {
    /// Two factors side by side. Scaling when one is a single number; in an
    /// update formula, element-wise between values of one shape, as optimizer
    /// papers state (Adam's `\frac{\eta}{\sqrt{\hat{v}_t}+\epsilon} \hat{m}_t`);
    /// otherwise the matrix product where the inner sizes fit, and element-wise
    /// between values of one shape that no matrix product fits (`y_i \log p_i`
    /// over two columns). Anything else fits no product the formula could mean.
    func juxtapose(_ a: Variable, _ b: Variable, at location: SourceLocation) throws -> Variable {
        if a.value.count == 1 || b.value.count == 1 { return try a * b }
        if productsAreElementwise, a.shape == b.shape { return try a * b }
        if a.shape.cols == b.shape.rows { return try Variable.matmul(a, b) }
        if a.shape == b.shape { return try a * b }
        throw ShapeMismatch(
            message: "two factors side by side with shapes \(a.shape) and \(b.shape) fit neither a "
                + "matrix product nor an element-wise one (at \(location.line):\(location.column))")
    }

    /// Whether a power's exponent is written `-1`: on a matrix, the inverse.
    static func isInverseExponent(_ exponent: Expr) -> Bool {
        switch exponent.kind {
        case let .number(x): return x == -1
        case let .negate(inner): if case let .number(x) = inner.kind { return x == 1 } else { return false }
        default: return false
        }
    }

    /// `A^{-1}` of a square matrix. Its value is computed by Gauss–Jordan
    /// elimination, and its graph is written `K − K (A − A₀) K` with K = A₀⁻¹:
    /// the same value (A − A₀ is exactly zero) and the inverse's derivative
    /// −K dA K, so that a derivative through it is right.
    func inverse(_ a: Variable, at location: SourceLocation) throws -> Variable {
        let shape = a.shape
        guard shape.rows == shape.cols else {
            throw ShapeMismatch(
                message: "^{-1} of a \(shape) matrix: only a square matrix has an inverse; "
                    + "an element-wise reciprocal is written \\frac{1}{x} (at \(location.line):\(location.column))")
        }
        let n = shape.rows
        var m = a.value.scalars
        var k = Tensor.identityScalars(n)
        for column in 0..<n {
            // Partial pivoting: the largest entry left in the column.
            var pivot = column
            for row in column..<n where abs(m[row * n + column]) > abs(m[pivot * n + column]) { pivot = row }
            let size = abs(m[pivot * n + column])
            guard size > 1e-12 * max(1, a.value.maxAbs), size.isFinite else {
                throw RuntimeError(
                    "^{-1}: the \(shape) matrix is singular (or nearly so): it has no inverse", at: location,
                    failure: .singularMatrix)
            }
            if pivot != column {
                for j in 0..<n {
                    m.swapAt(pivot * n + j, column * n + j)
                    k.swapAt(pivot * n + j, column * n + j)
                }
            }
            let scale = 1 / m[column * n + column]
            for j in 0..<n {
                m[column * n + j] *= scale
                k[column * n + j] *= scale
            }
            for row in 0..<n where row != column {
                let factor = m[row * n + column]
                if factor == 0 { continue }
                for j in 0..<n {
                    m[row * n + j] -= factor * m[column * n + j]
                    k[row * n + j] -= factor * k[column * n + j]
                }
            }
        }
        let inverse = Variable(Tensor(shape: shape, scalars: k))
        let change = try a - Variable(a.value)
        return try inverse - Variable.matmul(Variable.matmul(inverse, change), inverse)
    }
}

private extension Tensor {
    static func identityScalars(_ n: Int) -> [Double] {
        var scalars = [Double](repeating: 0, count: n * n)
        for i in 0..<n { scalars[i * n + i] = 1 }
        return scalars
    }
}
