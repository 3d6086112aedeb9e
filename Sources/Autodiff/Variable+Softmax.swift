import Foundation

/// Softmax and log-softmax along an axis (rows by default, axis 1), computed
/// through the log-sum-exp so that logits of ±1000 stay finite.
extension Variable {
    /// softmax(x)ᵢ = e^{xᵢ − max} / Σⱼ e^{xⱼ − max};
    /// ∂/∂x = y ⊙ (g − Σ g⊙y) along the axis.
    public func softmax(axis: Int = 1) throws -> Variable {
        let lanes = try Lanes(of: shape, axis: axis, operation: "softmax")
        let y = value.softmax(along: lanes)
        return Variable(
            y, operation: "softmax",
            edges: [
                Edge(input: self) { g in
                    let gy = Tensor.zip(g, y, to: y.shape, *)
                    let s = gy.laneSums(lanes)
                    return y.combiningLanes(g, perLane: s, lanes) { yi, gi, si in yi * (gi - si) }
                }
            ])
    }

    /// log softmax(x)ᵢ = xᵢ − log Σⱼ e^{xⱼ};  ∂/∂x = g − softmax(x) · Σ g along the axis.
    public func logSoftmax(axis: Int = 1) throws -> Variable {
        let lanes = try Lanes(of: shape, axis: axis, operation: "log_softmax")
        let y = value.logSoftmax(along: lanes)
        return Variable(
            y, operation: "log_softmax",
            edges: [
                Edge(input: self) { g in
                    let s = g.laneSums(lanes)
                    return y.combiningLanes(g, perLane: s, lanes) { yi, gi, si in gi - Foundation.exp(yi) * si }
                }
            ])
    }
}

extension Tensor {
    /// Each lane's maximum m and log Σ e^{x − m}. Kept apart, not added up:
    /// at logits of 1e16, m + log 2 rounds back to m, and x − (m + log 2) would
    /// lose the log 2 that (x − m) − log 2 keeps.
    func shiftedLogSumExp(along lanes: Lanes) -> [(maximum: Double, logSum: Double)] {
        scalars.withUnsafeBufferPointer { p in
            (0..<lanes.count).map { lane in
                let start = lanes.start(lane)
                var m = -Double.infinity
                for i in 0..<lanes.length { m = Swift.max(m, p[start + i * lanes.step]) }
                if !m.isFinite { return (m, 0) }
                var s = 0.0
                for i in 0..<lanes.length { s += Foundation.exp(p[start + i * lanes.step] - m) }
                return (m, Foundation.log(s))
            }
        }
    }

    /// (x − m) − log Σ e^{x − m} along each lane.
    func logSoftmax(along lanes: Lanes) -> Tensor {
        mappingLanes(lanes, shiftedLogSumExp(along: lanes)) { x, m, l in (x - m) - l }
    }

    func softmax(along lanes: Lanes) -> Tensor {
        mappingLanes(lanes, shiftedLogSumExp(along: lanes)) { x, m, l in Foundation.exp((x - m) - l) }
    }

    /// Each entry from itself and its lane's maximum and log-sum.
    private func mappingLanes(
        _ lanes: Lanes, _ shifts: [(maximum: Double, logSum: Double)],
        _ f: (Double, Double, Double) -> Double
    ) -> Tensor {
        var out = [Double](repeating: 0, count: count)
        scalars.withUnsafeBufferPointer { p in
            for lane in 0..<lanes.count {
                let start = lanes.start(lane), (m, l) = shifts[lane]
                for i in 0..<lanes.length {
                    let k = start + i * lanes.step
                    out[k] = f(p[k], m, l)
                }
            }
        }
        return Tensor(shape: shape, scalars: out)
    }

    /// Builds a tensor of this shape entry by entry from this tensor's entry,
    /// the matching entry of `other`, and the value `perLane` holds for its lane.
    func combiningLanes(
        _ other: Tensor, perLane: [Double], _ lanes: Lanes,
        _ f: (Double, Double, Double) -> Double
    ) -> Tensor {
        var out = [Double](repeating: 0, count: count)
        scalars.withUnsafeBufferPointer { p in
            other.scalars.withUnsafeBufferPointer { q in
                for lane in 0..<lanes.count {
                    let start = lanes.start(lane), v = perLane[lane]
                    for i in 0..<lanes.length {
                        let k = start + i * lanes.step
                        out[k] = f(p[k], q[k], v)
                    }
                }
            }
        }
        return Tensor(shape: shape, scalars: out)
    }
}
