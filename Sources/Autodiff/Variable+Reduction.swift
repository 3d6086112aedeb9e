/// Sums, means, maxima and minima over every entry or along one axis
/// (axis 0: down the rows, giving 1×n; axis 1: across the columns, giving m×1).
extension Variable {
    /// Σ x;  the gradient of each entry is the gradient of its lane's sum.
    public func sum(axis: Int? = nil) throws -> Variable {
        let lanes = try Lanes(of: shape, axis: axis, operation: "sum")
        let input = shape
        return Variable(
            value.sum(along: lanes), operation: "sum",
            edges: [
                Edge(input: self) { g in g.spread(over: input, lanes) }
            ])
    }

    /// Σ x / n;  each entry gets 1/n of its lane's gradient.
    public func mean(axis: Int? = nil) throws -> Variable {
        let lanes = try Lanes(of: shape, axis: axis, operation: "mean")
        guard lanes.length > 0 else {
            throw TensorError.invalidShape(operation: "mean", shape, expected: "at least one entry")
        }
        let input = shape, n = Double(lanes.length)
        return Variable(
            value.sum(along: lanes).scaled(by: 1 / n), operation: "mean",
            edges: [
                Edge(input: self) { g in g.spread(over: input, lanes).scaled(by: 1 / n) }
            ])
    }

    /// The largest entry of each lane. Its gradient goes to the entries that
    /// attain it, shared equally between ties (a tie is a kink).
    public func max(axis: Int? = nil) throws -> Variable { try extremum(axis: axis, name: "max", >) }

    /// The smallest entry of each lane; gradient as for `max`.
    public func min(axis: Int? = nil) throws -> Variable { try extremum(axis: axis, name: "min", <) }

    private func extremum(axis: Int?, name: String, _ better: @escaping (Double, Double) -> Bool) throws -> Variable {
        let lanes = try Lanes(of: shape, axis: axis, operation: name)
        guard lanes.length > 0 else {
            throw TensorError.invalidShape(operation: name, shape, expected: "at least one entry")
        }
        let x = value
        let best = x.reduced(along: lanes) { p, start, n, step in
            var m = p[start]
            for i in 1..<Swift.max(n, 1) where better(p[start + i * step], m) { m = p[start + i * step] }
            return m
        }
        // Which entries attain their lane's extremum: the branch each lane took.
        let winners: () -> [Bool] = {
            var out = [Bool](repeating: false, count: x.count)
            for lane in 0..<lanes.count {
                for i in 0..<lanes.length {
                    let k = lanes.start(lane) + i * lanes.step
                    out[k] = x.scalars[k] == best.scalars[lane]
                }
            }
            return out
        }
        return Variable(
            best, operation: name,
            edges: [
                Edge(input: self) { g in
                    let isWinner = winners()
                    var out = [Double](repeating: 0, count: x.count)
                    for lane in 0..<lanes.count {
                        let ks = (0..<lanes.length).map { lanes.start(lane) + $0 * lanes.step }
                        let ties = Double(ks.filter { isWinner[$0] }.count)
                        for k in ks where isWinner[k] { out[k] = g.scalars[lane] / ties }
                    }
                    return Tensor(shape: x.shape, scalars: out)
                }
            ],
            branchSignature: {
                Tensor(shape: x.shape, scalars: winners().map { $0 ? 1 : 0 }).signPattern { $0 > 0 ? 1 : 0 }
            })
    }
}

extension Tensor {
    /// Repeats one gradient per lane over every entry of that lane.
    func spread(over shape: Shape, _ lanes: Lanes) -> Tensor {
        var out = [Double](repeating: 0, count: shape.count)
        for lane in 0..<lanes.count {
            let v = scalars[lane], start = lanes.start(lane)
            for i in 0..<lanes.length { out[start + i * lanes.step] = v }
        }
        return Tensor(shape: shape, scalars: out)
    }

    /// The index of the largest entry of each row (m×1), the first on ties.
    public func argmaxRows() -> Tensor {
        let c = cols
        return Tensor(
            shape: .matrix(rows, 1),
            scalars: (0..<rows).map { r in
                var best = 0
                for j in 1..<Swift.max(c, 1) where self[r, j] > self[r, best] { best = j }
                return Double(best)
            })
    }
}
