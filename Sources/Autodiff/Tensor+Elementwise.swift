import Foundation

extension Tensor {
    /// Applies `f` to every entry.
    @inlinable
    public func map(_ f: (Double) -> Double) -> Tensor {
        let out = scalars.withUnsafeBufferPointer { src in
            [Double](unsafeUninitializedCapacity: src.count) { dst, initialized in
                adviseHugePages(dst)
                inChunks(src.count) { range in
                    for i in range { dst[i] = f(src[i]) }
                }
                initialized = src.count
            }
        }
        return Tensor(shape: shape, scalars: out)
    }

    /// Combines two tensors entry by entry, broadcasting as `Shape.broadcast` says.
    ///
    /// Throws `TensorError.shapeMismatch` naming `operation` and both shapes when
    /// they do not broadcast.
    public static func broadcasting(
        _ a: Tensor, _ b: Tensor, operation: String,
        _ f: (Double, Double) -> Double
    ) throws -> Tensor {
        guard let shape = a.shape.broadcast(with: b.shape) else {
            throw TensorError.shapeMismatch(operation: operation, a.shape, b.shape)
        }
        return zip(a, b, to: shape, f)
    }

    /// `broadcasting` for operands already known to broadcast to `shape`.
    @usableFromInline
    static func zip(
        _ a: Tensor, _ b: Tensor, to shape: Shape,
        _ f: (Double, Double) -> Double
    ) -> Tensor {
        let rows = shape.rows, cols = shape.cols, n = shape.count
        let out = a.scalars.withUnsafeBufferPointer { pa in
            b.scalars.withUnsafeBufferPointer { pb in
                [Double](unsafeUninitializedCapacity: n) { dst, initialized in
                    adviseHugePages(dst)
                    if a.count == n && b.count == n {
                        inChunks(n) { range in
                            for i in range { dst[i] = f(pa[i], pb[i]) }
                        }
                    } else if b.count == 1 {
                        let y = pb[0]
                        inChunks(n) { range in
                            for i in range { dst[i] = f(pa[i], y) }
                        }
                    } else if a.count == 1 {
                        let x = pa[0]
                        inChunks(n) { range in
                            for i in range { dst[i] = f(x, pb[i]) }
                        }
                    } else {
                        // General case: a dimension of size 1 repeats (stride 0).
                        let aRow = a.rows == 1 ? 0 : a.cols, aCol = a.cols == 1 ? 0 : 1
                        let bRow = b.rows == 1 ? 0 : b.cols, bCol = b.cols == 1 ? 0 : 1
                        for r in 0..<rows {
                            for c in 0..<cols {
                                dst[r * cols + c] = f(pa[r * aRow + c * aCol], pb[r * bRow + c * bCol])
                            }
                        }
                    }
                    initialized = n
                }
            }
        }
        return Tensor(shape: shape, scalars: out)
    }

    /// This gradient times `derivative(x, y)`, entry by entry, in one pass: the
    /// pullback of an element-wise y = f(x) with no tensor of derivatives in between.
    @inline(__always)
    func chained(_ x: Tensor, _ y: Tensor, _ derivative: (Double, Double) -> Double) -> Tensor {
        precondition(count == x.count && count == y.count, "chained: \(shape) with \(x.shape), \(y.shape)")
        let out = scalars.withUnsafeBufferPointer { g in
            x.scalars.withUnsafeBufferPointer { px in
                y.scalars.withUnsafeBufferPointer { py in
                    [Double](unsafeUninitializedCapacity: g.count) { dst, initialized in
                        adviseHugePages(dst)
                        inChunks(g.count) { range in
                            for i in range { dst[i] = g[i] * derivative(px[i], py[i]) }
                        }
                        initialized = g.count
                    }
                }
            }
        }
        return Tensor(shape: x.shape, scalars: out)
    }

    /// Sums a broadcast result back to the shape of the operand that was broadcast.
    ///
    /// The gradient of a broadcast operand is the sum of the gradients of every
    /// entry it was repeated into.
    public func summed(to target: Shape) -> Tensor {
        if target == shape { return self }
        if target.count == count { return Tensor(shape: target, scalars: scalars) }
        if target.count == 1 {
            return Tensor(shape: target, scalars: [scalars.reduce(0, +)])
        }
        var out = [Double](repeating: 0, count: target.count)
        let sumRows = target.rows == 1 && rows != 1
        let sumCols = target.cols == 1 && cols != 1
        let cols = cols
        scalars.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                if sumRows && !sumCols {
                    // A bias gradient: add each row into the one row, a loop that vectorises.
                    for r in 0..<rows {
                        let row = src.baseAddress! + r * cols
                        for c in 0..<cols { dst[c] += row[c] }
                    }
                    return
                }
                for r in 0..<rows {
                    for c in 0..<cols {
                        let i = (sumRows ? 0 : r) * target.cols + (sumCols ? 0 : c)
                        dst[i] += src[r * cols + c]
                    }
                }
            }
        }
        return Tensor(shape: target, scalars: out)
    }

    /// Adds `other` (same number of entries) into this tensor in place.
    mutating func add(_ other: Tensor) {
        precondition(other.count == count, "add: \(other.shape) into \(shape)")
        scalars.withUnsafeMutableBufferPointer { dst in
            other.scalars.withUnsafeBufferPointer { src in
                for i in 0..<dst.count { dst[i] += src[i] }
            }
        }
    }

    public static func + (a: Tensor, b: Tensor) throws -> Tensor {
        try broadcasting(a, b, operation: "+", +)
    }

    public static func - (a: Tensor, b: Tensor) throws -> Tensor {
        try broadcasting(a, b, operation: "-", -)
    }

    public static func * (a: Tensor, b: Tensor) throws -> Tensor {
        try broadcasting(a, b, operation: "*", *)
    }

    public static func / (a: Tensor, b: Tensor) throws -> Tensor {
        try broadcasting(a, b, operation: "/", /)
    }

    public static prefix func - (a: Tensor) -> Tensor { a.map { -$0 } }

    /// Every entry multiplied by `s`.
    public func scaled(by s: Double) -> Tensor { map { $0 * s } }

    /// The largest absolute entry (0 for an empty tensor).
    public var maxAbs: Double { scalars.reduce(0) { Swift.max($0, Swift.abs($1)) } }

    /// True when every entry is finite.
    public var isFinite: Bool { scalars.allSatisfy { $0.isFinite } }
}
