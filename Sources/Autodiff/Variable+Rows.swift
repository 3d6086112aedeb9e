/// Picking rows: `x[i]` and mini-batches.
extension Variable {
    /// The rows at `indices`, in that order (k×n);  the gradient is added back
    /// into the rows it came from (a row picked twice gets both).
    public func rows(_ indices: [Int]) throws -> Variable {
        let x = value
        guard !x.shape.isScalar else {
            throw TensorError.invalidShape(operation: "row", shape, expected: "a matrix")
        }
        if let bad = indices.first(where: { $0 < 0 || $0 >= x.rows }) {
            throw TensorError.invalidArgument(
                operation: "row",
                message: "index \(bad) is outside 0..<\(x.rows)")
        }
        return Variable(
            x.rows(indices), operation: "rows",
            edges: [
                Edge(input: self) { g in
                    var out = Tensor.zeros(x.shape)
                    let c = x.cols
                    for (k, r) in indices.enumerated() {
                        for j in 0..<c { out.scalars[r * c + j] += g.scalars[k * c + j] }
                    }
                    return out
                }
            ])
    }
}

extension Tensor {
    /// The rows at `indices` (assumed in range).
    public func rows(_ indices: [Int]) -> Tensor {
        let c = cols
        var out = [Double]()
        out.reserveCapacity(indices.count * c)
        scalars.withUnsafeBufferPointer { p in
            for r in indices { out.append(contentsOf: p[(r * c)..<((r + 1) * c)]) }
        }
        return Tensor(shape: .matrix(indices.count, c), scalars: out)
    }

    /// One-hot rows from class indices: an n×1 (or 1×n, or scalar) tensor of
    /// whole numbers in 0..<classes gives n×classes.
    public static func oneHot(_ labels: Tensor, classes: Int) throws -> Tensor {
        guard classes > 0 else {
            throw TensorError.invalidArgument(
                operation: "onehot", message: "the number of classes must be positive, got \(classes)")
        }
        guard labels.shape.isScalar || labels.rows == 1 || labels.cols == 1 else {
            throw TensorError.invalidShape(
                operation: "onehot", labels.shape, expected: "a column of class indices (n×1)")
        }
        let shape = try checkedShape(labels.count, classes)
        var out = [Double](repeating: 0, count: shape.count)
        for (i, label) in labels.scalars.enumerated() {
            guard label.rounded() == label, label >= 0, label < Double(classes) else {
                throw TensorError.invalidArgument(
                    operation: "onehot",
                    message: "label \(label) in row \(i) is not a class index in 0..<\(classes)")
            }
            out[i * classes + Int(label)] = 1
        }
        return Tensor(shape: shape, scalars: out)
    }
}
