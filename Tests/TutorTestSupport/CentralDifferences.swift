/// The derivatives of `f` at `x` by plain central differences with a fixed step,
/// entry by entry: an oracle written apart from the engine's own gradient check.
public func centralDifferences(at x: [Double], step h: Double, _ f: ([Double]) throws -> Double) rethrows -> [Double] {
    try x.indices.map { k in
        var plus = x, minus = x
        plus[k] += h
        minus[k] -= h
        return (try f(plus) - f(minus)) / (2 * h)
    }
}
