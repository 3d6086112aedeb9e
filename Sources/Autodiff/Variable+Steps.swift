import Foundation

/// Step functions: rounding, the sign and comparisons. Each is constant between
/// its jumps, so its derivative is 0 wherever it exists (PyTorch's rule for
/// `round` and `sign`); at a jump it does not exist.
///
/// The result stays connected to its inputs with a zero pullback, so a
/// gradient through a step is an honest 0 rather than a missing edge, and
/// every result carries a fingerprint of the step each entry is on: a gradient
/// check skips a point within 10h of a jump, as it does at a relu's kink.
extension Variable {
    /// The nearest whole number, halves to even (NumPy's and PyTorch's `round`).
    public func rounded() -> Variable {
        let x = value
        let y = x.map { $0.rounded(.toNearestOrEven) + 0 }  // + 0: round(−0.4) is 0, not −0
        return Variable(
            y, operation: "round", edges: [Edge(input: self) { _ in Tensor.zeros(x.shape) }],
            branchSignature: { y.stepPattern })
    }

    /// −1, 0 or 1 by the sign of each entry (NaN stays NaN).
    public func sign() -> Variable {
        let x = value
        let y = x.map { $0 > 0 ? 1 : ($0 < 0 ? -1 : ($0 == 0 ? 0 : .nan)) }
        return Variable(
            y, operation: "sign", edges: [Edge(input: self) { _ in Tensor.zeros(x.shape) }],
            branchSignature: { y.stepPattern })
    }

    /// 1 where `holds` is true of the entries of `a` and `b` (broadcast), 0
    /// elsewhere; a comparison with NaN is 0, as IEEE 754 has it.
    public static func compare(
        _ a: Variable, _ b: Variable, operation: String,
        _ holds: @escaping (Double, Double) -> Bool
    ) throws -> Variable {
        let y = try Tensor.broadcasting(a.value, b.value, operation: operation) { holds($0, $1) ? 1 : 0 }
        let (sa, sb) = (a.shape, b.shape)
        return Variable(
            y, operation: operation,
            edges: [
                Edge(input: a) { _ in Tensor.zeros(sa) },
                Edge(input: b) { _ in Tensor.zeros(sb) },
            ], branchSignature: { y.stepPattern })
    }
}

extension Tensor {
    /// A fingerprint of every entry's value: for a step function, which step it is on.
    var stepPattern: UInt64 {
        var hash = FNV1a()
        for x in scalars { hash.combine((x + 0).bitPattern) }  // + 0: −0 is on the step of 0
        return hash.value
    }
}
